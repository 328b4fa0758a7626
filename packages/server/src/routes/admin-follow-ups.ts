import type { Context, Hono } from 'hono';
import {
  FollowUpAssignment,
  FollowUpListQuery,
  FollowUpNoteRequest,
  FollowUpResolutionRequest,
  FOLLOW_UP_LIST_DEFAULT_LIMIT,
  IDEMPOTENT_REPLAY_HEADER,
  followUpPaths,
  type FollowUpPage,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { findFollowUpCase, followUpQueue, type FollowUpCursor } from '../domain/service-recovery/cases.ts';
import { resolveFollowUp } from '../domain/service-recovery/resolution.ts';
import { addFollowUpNote, assignFollowUp } from '../domain/service-recovery/work.ts';
import type { Program } from '../domain/programs.ts';
import { ProblemError, validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { isApiInstant, readIdempotencyKey, readJson } from './request.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Service recovery for the merchant (secret key): the follow-up queue, assigning, notes and resolution. */
export function adminFollowUpsRoutes(app: Hono, { db, now: clock }: AppContext): void {
  app.get(followUpPaths.followUps, async (c) => {
    const now = clock();
    const program = await authenticateSecretKey(c, db, now);
    const query = parseOrThrow(
      FollowUpListQuery,
      {
        status: c.req.query('status'),
        overdue: c.req.query('overdue'),
        limit: c.req.query('limit'),
        cursor: c.req.query('cursor'),
      },
      'query',
    );
    const page = await followUpQueue(
      db,
      program,
      {
        status: query.status ?? 'all',
        overdueOnly: query.overdue === 'true',
        limit: query.limit ?? FOLLOW_UP_LIST_DEFAULT_LIMIT,
        after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      },
      now,
    );
    const body: FollowUpPage = { followUps: page.followUps, nextCursor: page.next && encodeCursor(page.next) };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  app.get(followUpPaths.followUpPattern, async (c) => {
    const now = clock();
    const program = await authenticateSecretKey(c, db, now);
    return answerCase(c, program, pathFollowUpId(c), now);
  });

  app.patch(followUpPaths.followUpPattern, async (c) => {
    const now = clock();
    const program = await authenticateSecretKey(c, db, now);
    const followUpId = pathFollowUpId(c);
    const { assignee } = parseOrThrow(FollowUpAssignment, await readJson(c), 'body');
    if (!(await assignFollowUp(db, program.id, followUpId, assignee))) throw followUpNotFound(followUpId);
    return answerCase(c, program, followUpId, now);
  });

  app.post(followUpPaths.notesPattern, async (c) => {
    const now = clock();
    const program = await authenticateSecretKey(c, db, now);
    const followUpId = pathFollowUpId(c);
    const request = parseOrThrow(FollowUpNoteRequest, await readJson(c), 'body');
    const note = await addFollowUpNote(db, program.id, followUpId, request, now);
    if (note === 'follow_up_not_found') throw followUpNotFound(followUpId);
    if (note === 'customer_erased') {
      throw new ProblemError(409, 'customer_erased', `The customer of follow-up ${followUpId} was erased: no notes.`);
    }
    return c.json(note, 201);
  });

  app.post(followUpPaths.resolutionPattern, async (c) => {
    const now = clock();
    const program = await authenticateSecretKey(c, db, now);
    const idempotencyKey = readIdempotencyKey(c);
    const followUpId = pathFollowUpId(c);
    const request = parseOrThrow(FollowUpResolutionRequest, await readJson(c), 'body');
    const outcome = await resolveFollowUp(db, program, { followUpId, idempotencyKey, request, now });
    switch (outcome.kind) {
      case 'resolved':
        return answerCase(c, program, followUpId, now);
      case 'replayed':
        c.header(IDEMPOTENT_REPLAY_HEADER, 'true');
        return answerCase(c, program, followUpId, now);
      case 'follow_up_not_found':
        throw followUpNotFound(followUpId);
      case 'follow_up_closed':
        throw new ProblemError(
          409,
          'follow_up_closed',
          `Follow-up ${followUpId} is already resolved; its resolution is in GET ${followUpPaths.followUp(followUpId)}.`,
        );
      case 'idempotency_key_reused':
        throw new ProblemError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was already used for a different resolution; send a new key for a new request.',
        );
    }
  });

  async function answerCase(c: Context, program: Program, followUpId: string, now: Date): Promise<Response> {
    const followUp = await findFollowUpCase(db, program, followUpId, now);
    if (followUp === undefined) throw followUpNotFound(followUpId);
    c.header('Cache-Control', 'no-store');
    return c.json(followUp);
  }
}

function pathFollowUpId(c: Context): string {
  const id = c.req.param('followUpId') ?? '';
  if (!UUID.test(id)) throw validationFailed([{ path: 'path.followUpId', message: 'A follow-up id (a UUID).' }]);
  return id.toLowerCase();
}

function followUpNotFound(followUpId: string): ProblemError {
  return new ProblemError(404, 'follow_up_not_found', `No follow-up "${followUpId}" in this program.`);
}

function encodeCursor(cursor: FollowUpCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.createdAt, cursor.id])).toString('base64url');
}

function decodeCursor(text: string): FollowUpCursor {
  try {
    const [rank, createdAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if ((rank === 0 || rank === 1) && isApiInstant(createdAt) && typeof id === 'string' && UUID.test(id)) {
      return { rank, createdAt, id };
    }
  } catch {
    // fall through
  }
  throw validationFailed([{ path: 'query.cursor', message: 'Not a cursor this API gave out.' }]);
}
