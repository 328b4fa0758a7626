import type {
  BirthdayClaimResult,
  BirthdayRequest,
  BirthdayStatus,
  CustomerRewards,
  EligibleSurvey,
  PointsHistory,
  PointsHistoryQuery,
  Program,
  RedeemResult,
  Referral,
  Summary,
  SurveyDismissal,
  SurveyDismissalRequest,
  SurveyResponse,
  SurveyResponseUpdate,
  SurveyTrigger,
} from '@loyalty-elements/contract';
import type { LoyaltyChangeListener } from './changes.ts';
import type { LoyaltyError } from './errors.ts';
import type { OutboxStorage } from './outbox/storage.ts';
import type { CustomerIdentity } from './session.ts';
import type { CustomerTokenGetter } from './token-source.ts';
import type { RetrySettings } from './transport/retry-policy.ts';

// What a page's code sees of the client: its options and its methods. client.ts builds it.

export interface LoyaltyClientOptions {
  /** Base URL of the loyalty API, e.g. `https://loyalty.example.com`. */
  apiBase: string;
  /** The program's publishable key (`pk_…`); safe in a browser. */
  publishableKey: string;
  /** A customer token signed by the merchant's backend. Leave out (and `getCustomerToken` too) for a guest. */
  customerToken?: string | null | undefined;
  /** Called for a token when the client has none, a minute before it expires, and once when the API refuses it. */
  getCustomerToken?: CustomerTokenGetter | undefined;
  /** Milliseconds before one attempt gives up with a `timeout` error. Default 10 000. */
  timeoutMs?: number | undefined;
  /** Retries of requests that are safe to repeat. */
  retry?: RetrySettings | undefined;
  /** How long a read is served from memory before it is revalidated with its ETag. Default 15 000 ms. */
  cacheMaxAgeMs?: number | undefined;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch | undefined;
  /** Where queued writes are kept. Default: IndexedDB, else localStorage, else memory. */
  outboxStorage?: OutboxStorage | undefined;
}

/**
 * What a write that must not be lost came to: `sent` with the API's answer, or `queued` on this
 * device after a failure that may pass (offline, a timeout, the API down); it is sent again when
 * the page is back online, on the next page load, or when the page is closed.
 */
export type WriteOutcome<T> = { status: 'sent'; result: T } | { status: 'queued'; error: LoyaltyError };

export interface LoyaltyClient {
  readonly apiBase: string;
  readonly publishableKey: string;
  /** The program: points name, tiers, birthday reward. Needs no customer. */
  getProgram(): Promise<Program>;
  /** The signed-in customer's profile, points, tier and birthday. */
  getSummary(options?: { revalidate?: boolean }): Promise<Summary>;
  /**
   * Ledger entries, newest first; pass the previous page's `nextCursor` for the next. `revalidate` asks the API
   * even when a page read moments ago is cached (after the points changed).
   */
  getPointsHistory(query?: PointsHistoryQuery, options?: { revalidate?: boolean }): Promise<PointsHistory>;
  /** Sets the customer's birthday, through the outbox. */
  setBirthday(birthday: BirthdayRequest): Promise<WriteOutcome<BirthdayStatus>>;
  /** Claims this year's birthday reward. Repeated and concurrent calls claim once. */
  claimBirthdayReward(): Promise<BirthdayClaimResult>;
  /** The rewards on offer to the customer (with what locks each), their balance and latest redemptions. */
  getRewards(options?: { revalidate?: boolean }): Promise<CustomerRewards>;
  /**
   * The customer's referral code and link, what a friend and they get, friends joined and points earned
   * (`enabled: false` when the program has no referral program). Cached, coalesced and revalidated like the rewards.
   */
  getReferral(options?: { revalidate?: boolean }): Promise<Referral>;
  /**
   * Redeems a reward for points and resolves with the code it issued. Concurrent calls for one reward
   * redeem once; a call after one whose outcome is unknown (network, timeout, 5xx) repeats its
   * idempotency key, so it can never spend twice. Not queued: offline, it rejects with `network`.
   */
  redeemReward(rewardId: string): Promise<RedeemResult>;
  /**
   * The survey to show for `trigger`, or `survey: null` with the reason there is none. The summary's
   * `surveysDue` lists the triggers that have one, so a page can skip this request when its trigger is not there.
   */
  getEligibleSurvey(trigger: SurveyTrigger): Promise<EligibleSurvey>;
  /** A response as stored, e.g. to resume it after a reload. */
  getSurveyResponse(responseId: string): Promise<SurveyResponse>;
  /** Saves every answer given so far under the client-generated `responseId`, through the outbox. */
  saveSurveyResponse(responseId: string, update: SurveyResponseUpdate): Promise<WriteOutcome<SurveyResponse>>;
  /** Records that the shopper dismissed a survey, through the outbox. */
  dismissSurvey(surveyId: string, request?: SurveyDismissalRequest): Promise<WriteOutcome<SurveyDismissal>>;
  /** Hears about changes to the customer's data and to the outbox; returns the unsubscribe function. */
  subscribe(listener: LoyaltyChangeListener): () => void;
  /** Switches to another customer: a token, a token getter, or `null` for a guest. */
  identify(identity: CustomerIdentity): Promise<void>;
  /** Signs the shopper out: clears every cache and drops their queued writes after one last try to send them. */
  logout(): Promise<void>;
  /** Sends the signed-in customer's queued writes now. */
  flush(): Promise<void>;
  /** How many of the signed-in customer's writes wait to be sent. */
  pendingWrites(): Promise<number>;
  /** Stops listening to the page (`online`, `pagehide`) and retrying. Queued writes stay stored. */
  close(): void;
}
