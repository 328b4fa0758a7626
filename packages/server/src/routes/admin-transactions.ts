import type { Context, Hono } from 'hono';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAY_HEADER,
  Identifier,
  TransactionRequest,
  paths,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { postTransaction } from '../domain/ledger.ts';
import { ProblemError, validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export function adminTransactionsRoute(app: Hono, { db }: AppContext): void {
  app.post(paths.customerTransactionsPattern, async (c) => {
    const program = await authenticateSecretKey(c, db);
    const idempotencyKey = readIdempotencyKey(c);
    const customerId = parseOrThrow(Identifier, c.req.param('customerId'), 'path.customerId');
    const request = parseOrThrow(TransactionRequest, await readJson(c), 'body');

    const outcome = await postTransaction(db, { programId: program.id, customerId, idempotencyKey, request });
    switch (outcome.kind) {
      case 'created':
        return c.json(outcome.result, 201);
      case 'replayed':
        c.header(IDEMPOTENT_REPLAY_HEADER, 'true');
        return c.json(outcome.result, 201);
      case 'customer_not_found':
        throw new ProblemError(404, 'customer_not_found', `No customer "${customerId}" in this program.`);
      case 'insufficient_points':
        throw new ProblemError(
          409,
          'insufficient_points',
          `Cannot redeem ${request.points} points from a balance of ${outcome.balance}.`,
        );
      case 'idempotency_key_reused':
        throw new ProblemError(
          422,
          'idempotency_key_reused',
          `${IDEMPOTENCY_KEY_HEADER} was already used for a different request.`,
        );
    }
  });
}

function readIdempotencyKey(c: Context): string {
  const key = c.req.header(IDEMPOTENCY_KEY_HEADER)?.trim();
  if (!key) {
    throw new ProblemError(
      400,
      'idempotency_key_missing',
      `Send a unique ${IDEMPOTENCY_KEY_HEADER} header with every write.`,
    );
  }
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw validationFailed([
      {
        path: `header.${IDEMPOTENCY_KEY_HEADER.toLowerCase()}`,
        message: `Too long: at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`,
      },
    ]);
  }
  return key;
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationFailed([{ path: 'body', message: 'The body must be a JSON document.' }]);
  }
}
