import type { Hono } from 'hono';
import {
  Identifier,
  LAPSED_DEFAULT_LIMIT,
  LapsedMembersQuery,
  WinBackRequest,
  memberPaths,
  type LapsedMembers,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { lapsedMembers, type LapsedCursor } from '../domain/lapsed-members.ts';
import { giveWinBack } from '../domain/win-backs.ts';
import { ProblemError, validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { customerNotFound } from './admin-customers.ts';
import { createdOrReplayed, isApiInstant, readIdempotencyKey, readJson } from './request.ts';

/** `GET /v1/admin/members/lapsed` and `POST /v1/admin/customers/{id}/win-back` (secret key or console session). */
export function adminWinBackRoutes(app: Hono, { db, now: clock }: AppContext): void {
  app.get(memberPaths.lapsed, async (c) => {
    const now = clock();
    const program = await authenticateSecretKey(c, db, now);
    const query = parseOrThrow(
      LapsedMembersQuery,
      { limit: c.req.query('limit'), cursor: c.req.query('cursor') },
      'query',
    );
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const page = await lapsedMembers(db, program, now, query.limit ?? LAPSED_DEFAULT_LIMIT, after);
    const body: LapsedMembers = {
      lapsedAfterDays: program.lapsedAfterDays,
      members: page.members,
      nextCursor: page.next === null ? null : encodeCursor(page.next),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  app.post(memberPaths.winBackPattern, async (c) => {
    const now = clock();
    const program = await authenticateSecretKey(c, db, now);
    const idempotencyKey = readIdempotencyKey(c);
    const customerId = parseOrThrow(Identifier, c.req.param('customerId'), 'path.customerId');
    const request = parseOrThrow(WinBackRequest, await readJson(c), 'body');
    const outcome = await giveWinBack(db, program, { customerId, idempotencyKey, request, now });
    const rewardId = request.rewardId ?? '';
    switch (outcome.kind) {
      case 'created':
      case 'replayed':
        return createdOrReplayed(c, outcome);
      case 'customer_not_found':
        throw customerNotFound(customerId);
      case 'reward_not_found':
        throw new ProblemError(404, 'reward_not_found', `This program has no reward "${rewardId}".`);
      case 'reward_unavailable':
        throw new ProblemError(409, 'reward_unavailable', `"${rewardId}" is inactive or outside its availability.`);
      case 'reward_out_of_stock':
        throw new ProblemError(409, 'reward_out_of_stock', `No codes of "${rewardId}" are left to give.`);
      case 'idempotency_key_reused':
        throw new ProblemError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was already used for a different win-back; send a new key for a new request.',
        );
    }
  });
}

const CURSOR_PREFIX = 'l1.';

function encodeCursor(cursor: LapsedCursor): string {
  return CURSOR_PREFIX + Buffer.from(JSON.stringify([cursor.lastActivityAt, cursor.customerId])).toString('base64url');
}

function decodeCursor(text: string): LapsedCursor {
  try {
    const payload = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
    const [lastActivityAt, customerId] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
    if (isApiInstant(lastActivityAt) && Identifier.safeParse(customerId).success) {
      return { lastActivityAt, customerId: customerId as string };
    }
  } catch {
    // fall through
  }
  throw validationFailed([{ path: 'query.cursor', message: 'Not a cursor this API gave out.' }]);
}
