// Type tests, checked by `tsc -p tsconfig.json` (this file is never run: its name does not end in
// `.test.ts`). Each `@ts-expect-error` must meet an error, or tsc fails with "Unused directive".
import { expectTypeOf } from 'expect-type';
import type { PointsHistoryQuery, SurveyResponseUpdate } from '@loyalty-elements/contract';
import {
  createLoyaltyClient,
  isLoyaltyError,
  LoyaltyError,
  type BirthdayClaimResult,
  type BirthdayStatus,
  type CustomerRewards,
  type EligibleSurvey,
  type LoyaltyChange,
  type LoyaltyClient,
  type LoyaltyErrorCode,
  type PointsHistory,
  type Problem,
  type Program,
  type RedeemResult,
  type RewardLock,
  type Summary,
  type SurveyDismissal,
  type SurveyResponse,
  type WriteOutcome,
} from '../src/index.ts';

export function typeTests(client: LoyaltyClient, update: SurveyResponseUpdate): void {
  // Results are typed with the contract's types.
  expectTypeOf(client.getProgram()).resolves.toEqualTypeOf<Program>();
  expectTypeOf(client.getSummary()).resolves.toEqualTypeOf<Summary>();
  expectTypeOf(client.getSummary({ revalidate: true })).resolves.toEqualTypeOf<Summary>();
  expectTypeOf(client.getPointsHistory({ limit: 10 })).resolves.toEqualTypeOf<PointsHistory>();
  expectTypeOf(client.setBirthday).parameter(0).toEqualTypeOf<{
    month: number;
    day: number;
    calendar: 'gregorian' | 'chinese-lunar';
  }>();
  expectTypeOf(client.setBirthday({ month: 8, day: 15, calendar: 'gregorian' })).resolves.toEqualTypeOf<
    WriteOutcome<BirthdayStatus>
  >();
  expectTypeOf(client.claimBirthdayReward()).resolves.toEqualTypeOf<BirthdayClaimResult>();
  expectTypeOf(client.getRewards()).resolves.toEqualTypeOf<CustomerRewards>();
  expectTypeOf(client.getRewards({ revalidate: true })).resolves.toEqualTypeOf<CustomerRewards>();
  expectTypeOf(client.redeemReward('free-coffee')).resolves.toEqualTypeOf<RedeemResult>();
  expectTypeOf<CustomerRewards['rewards'][number]['lockedBy']>().toEqualTypeOf<RewardLock | null>();
  expectTypeOf<RewardLock>().toEqualTypeOf<'tier' | 'out_of_stock' | 'points'>();
  expectTypeOf(client.getEligibleSurvey('post_purchase')).resolves.toEqualTypeOf<EligibleSurvey>();
  expectTypeOf(client.getSurveyResponse('id')).resolves.toEqualTypeOf<SurveyResponse>();
  expectTypeOf(client.saveSurveyResponse('id', update)).resolves.toEqualTypeOf<WriteOutcome<SurveyResponse>>();
  expectTypeOf(client.dismissSurvey('nps')).resolves.toEqualTypeOf<WriteOutcome<SurveyDismissal>>();
  expectTypeOf(client.pendingWrites()).resolves.toEqualTypeOf<number>();
  expectTypeOf(client.subscribe(() => undefined)).toEqualTypeOf<() => void>();

  // A write's outcome narrows on its status.
  void client.saveSurveyResponse('id', update).then((outcome) => {
    if (outcome.status === 'sent') expectTypeOf(outcome.result).toEqualTypeOf<SurveyResponse>();
    else expectTypeOf(outcome.error).toEqualTypeOf<LoyaltyError>();
  });

  // Errors: a closed union of codes, the HTTP status and the problem details.
  expectTypeOf<LoyaltyError['code']>().toEqualTypeOf<LoyaltyErrorCode>();
  expectTypeOf<LoyaltyErrorCode>().toEqualTypeOf<
    | 'network'
    | 'timeout'
    | 'signed_out'
    | 'not_member'
    | 'unauthorized'
    | 'token_expired'
    | 'rejected'
    | 'server'
    | 'invalid_response'
    | 'invalid_request'
  >();
  expectTypeOf<LoyaltyError['status']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<LoyaltyError['problem']>().toEqualTypeOf<Problem | undefined>();
  const caught: unknown = undefined;
  if (isLoyaltyError(caught)) expectTypeOf(caught).toEqualTypeOf<LoyaltyError>();
  // @ts-expect-error 'offline' is not one of the codes
  new LoyaltyError('offline', 'x');

  // Changes narrow on their type.
  client.subscribe((change) => {
    expectTypeOf(change).toEqualTypeOf<LoyaltyChange>();
    if (change.type === 'summary') expectTypeOf(change.summary).toEqualTypeOf<Summary>();
    if (change.type === 'outbox') expectTypeOf(change.pending).toEqualTypeOf<number>();
    if (change.type === 'write_failed') expectTypeOf(change.error).toEqualTypeOf<LoyaltyError>();
    // @ts-expect-error 'points' is not a change type
    if (change.type === 'points') return;
    if (change.type === 'identity') {
      // @ts-expect-error an identity change carries no summary
      void change.summary;
    }
  });

  // Invalid usages do not compile.
  // @ts-expect-error publishableKey is required
  createLoyaltyClient({ apiBase: 'https://loyalty.example.com' });
  // @ts-expect-error apiBase is required
  createLoyaltyClient({ publishableKey: 'pk_test' });
  // @ts-expect-error the getter returns a token, not a promise of a number
  createLoyaltyClient({ apiBase: 'https://x', publishableKey: 'pk_test', getCustomerToken: async () => 42 });
  // @ts-expect-error 'julian' is not a birthday calendar
  void client.setBirthday({ month: 8, day: 15, calendar: 'julian' });
  // @ts-expect-error the calendar is required
  void client.setBirthday({ month: 8, day: 15 });
  // @ts-expect-error the sequence is a number
  void client.saveSurveyResponse('id', { ...update, sequence: '2' });
  // @ts-expect-error the answers are required
  void client.saveSurveyResponse('id', { surveyId: 'nps', version: 1, sequence: 1 });
  // @ts-expect-error a reward id is a string
  void client.redeemReward(42);
  // @ts-expect-error the limit is a number
  void client.getPointsHistory({ limit: '10' });
  // @ts-expect-error a summary is not a program
  expectTypeOf(client.getSummary()).resolves.toEqualTypeOf<Program>();
  expectTypeOf<PointsHistoryQuery['limit']>().toEqualTypeOf<number | undefined>();
}
