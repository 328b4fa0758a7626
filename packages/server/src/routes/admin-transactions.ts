import type { Hono } from 'hono';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAY_HEADER,
  Identifier,
  TransactionRequest,
  paths,
  type FieldError,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { postTransaction } from '../domain/transactions.ts';
import type { Program } from '../domain/programs.ts';
import { ProblemError, validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { readJson, readLedgerIdempotencyKey } from './request.ts';

export { MAX_IDEMPOTENCY_KEY_LENGTH } from './request.ts';

export function adminTransactionsRoute(app: Hono, { db, now: clock, turns }: AppContext): void {
  app.post(paths.customerTransactionsPattern, async (c) => {
    const now = clock();
    const program = await authenticateSecretKey(c, db, now);
    const idempotencyKey = readLedgerIdempotencyKey(c);
    const customerId = parseOrThrow(Identifier, c.req.param('customerId'), 'path.customerId');
    const request = parseOrThrow(TransactionRequest, await readJson(c), 'body');
    checkAgainstClockAndProgram(request, program, now);

    const outcome = await turns.run(program.id, customerId, () =>
      postTransaction(db, { program, customerId, idempotencyKey, request, now }),
    );
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
          `Cannot take ${Math.abs(request.points)} points from a spendable balance of ${outcome.balance}.`,
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

/** What the contract cannot check alone: instants against the clock, and the spend currency. */
function checkAgainstClockAndProgram(request: TransactionRequest, program: Program, now: Date): void {
  if (request.type === 'redeem') return;
  const errors: FieldError[] = [];
  const expiresAt = request.expiresAt ? Date.parse(request.expiresAt) : undefined;
  const pendingUntil = request.pendingUntil ? Date.parse(request.pendingUntil) : undefined;
  if (expiresAt !== undefined && expiresAt <= now.getTime()) {
    errors.push({ path: 'body.expiresAt', message: 'Must be in the future.' });
  }
  if (expiresAt !== undefined && pendingUntil !== undefined && expiresAt <= pendingUntil) {
    errors.push({ path: 'body.expiresAt', message: 'Must be after pendingUntil.' });
  }
  if (errors.length > 0) throw validationFailed(errors);
  if (request.spend !== undefined && request.spend.currency !== program.currency) {
    throw new ProblemError(
      422,
      'currency_mismatch',
      `Spend must be in the program's currency, ${program.currency}; got ${request.spend.currency}.`,
    );
  }
}
