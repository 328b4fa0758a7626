import type { Hono } from 'hono';
import { BirthdayRequest, IDEMPOTENT_REPLAY_HEADER, paths } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { birthdayStatus, claimBirthdayReward, customerTimeZone, setCustomerBirthday } from '../domain/birthdays.ts';
import { BIRTHDAY_CHANGE_INTERVAL_DAYS } from '../domain/birthday.ts';
import { formatDate, localDate } from '../domain/time.ts';
import { ProblemError } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { customerIdempotencyKey, readIdempotencyKey, readJson, signedInCustomer } from './request.ts';

const CUSTOMER_GONE = 'The customer token names a customer this program does not have.';

/** `PUT /v1/me/birthday` and `POST /v1/me/birthday/claim`. */
export function birthdayRoutes(app: Hono, context: AppContext): void {
  const { db } = context;

  app.put(paths.birthday, async (c) => {
    const { program, customer } = await signedInCustomer(c, context);
    const birthday = parseOrThrow(BirthdayRequest, await readJson(c), 'body');
    const now = context.now();
    const outcome = await setCustomerBirthday(db, program.id, customer.id, birthday, now);
    switch (outcome.kind) {
      case 'customer_not_found':
        throw new ProblemError(401, 'customer_not_found', CUSTOMER_GONE);
      case 'change_limited': {
        const on = formatDate(localDate(outcome.nextChangeAt, customerTimeZone(program, customer)));
        throw new ProblemError(
          409,
          'birthday_change_limited',
          `A birthday can change once every ${BIRTHDAY_CHANGE_INTERVAL_DAYS} days; yours can change again on ${on} (${outcome.nextChangeAt.toISOString()}).`,
        );
      }
      case 'set':
      case 'unchanged': {
        c.header('Cache-Control', 'no-store');
        return c.json(await birthdayStatus(db, program, outcome.customer, now));
      }
    }
  });

  app.post(paths.birthdayClaim, async (c) => {
    const { program, customer } = await signedInCustomer(c, context);
    const key = customerIdempotencyKey(customer.id, readIdempotencyKey(c));
    const outcome = await claimBirthdayReward(db, program, customer.id, key, context.now());
    switch (outcome.kind) {
      case 'created':
        return c.json(outcome.result, 201);
      case 'replayed':
        c.header(IDEMPOTENT_REPLAY_HEADER, 'true');
        return c.json(outcome.result, 201);
      case 'customer_not_found':
        throw new ProblemError(401, 'customer_not_found', CUSTOMER_GONE);
      case 'birthday_reward_unavailable':
        throw new ProblemError(409, 'birthday_reward_unavailable', 'This program has no birthday reward.');
      case 'birthday_not_set':
        throw new ProblemError(409, 'birthday_not_set', `Set a birthday first (PUT ${paths.birthday}).`);
      case 'birthday_outside_window':
        throw new ProblemError(
          409,
          'birthday_outside_window',
          `The birthday reward can be claimed only around the birthday; the next window opens on ${formatDate(outcome.nextWindowOpens)}.`,
        );
      case 'birthday_already_claimed':
        throw new ProblemError(409, 'birthday_already_claimed', "This birthday's reward was already claimed.");
      case 'birthday_recently_set':
        throw new ProblemError(
          409,
          'birthday_recently_set',
          `This birthday was set or changed too recently to pay its reward; the first birthday that pays is on ${formatDate(outcome.firstRewardBirthday)}.`,
        );
      case 'insufficient_points':
        throw new Error('A birthday bonus is a credit and cannot lack points');
      case 'idempotency_key_reused':
        throw new ProblemError(
          422,
          'idempotency_key_reused',
          'The idempotency key was already used for a different request.',
        );
    }
  });
}
