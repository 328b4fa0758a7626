import { paths, referralPaths, rewardPaths, surveyPaths } from '@loyalty-elements/contract/plain';
import type {
  BirthdayClaimResult,
  BirthdayStatus,
  CustomerRewards,
  RedeemResult,
  Summary,
  SurveyDismissal,
  SurveyResponse,
} from '@loyalty-elements/contract';
import { ReadCache, type ReadOptions } from './cache/read-cache.ts';
import { Changes } from './changes.ts';
import { LoyaltyError, isTransient } from './errors.ts';
import { randomId } from './ids.ts';
import { RetryKeys } from './retry-keys.ts';
import { Outbox } from './outbox/outbox.ts';
import type { QueuedWrite, QueuedWriteKind } from './outbox/queued-write.ts';
import { loadSchemas, type RouteSchemas } from './schemas/load-schemas.ts';
import { Session, type CustomerIdentity } from './session.ts';
import { Transport, type SchemaLoader } from './transport/transport.ts';
import type { LoyaltyClient, LoyaltyClientOptions, WriteOutcome } from './client-api.ts';

/** A cached GET: the cache's own options (`maxAgeMs`, `revalidate`) and what to send. */
interface ReadSpec<T> extends ReadOptions {
  path: string;
  schema: SchemaLoader<T>;
  /** Tells apart reads of one path with different queries. Default: the path. */
  key?: string;
  /** Default true: the read needs the signed-in customer. */
  asCustomer?: boolean;
  /** The publishable key goes in the URL, which keeps a cross-origin GET free of a CORS preflight. */
  keyInQuery?: boolean;
  query?: Record<string, string | number | undefined>;
}

/** A read served from memory for this long by default. */
const DEFAULT_CACHE_MAX_AGE_MS = 15_000;
/** The program changes rarely; the API lets shared caches keep it for five minutes. */
const PROGRAM_MAX_AGE_MS = 5 * 60_000;
/** How long `logout` waits for queued writes to go out before it drops them. */
const LOGOUT_FLUSH_MS = 3_000;

/** One of the client's schemas, built when a request first needs it (see `loadSchemas`). */
function schemaOf<K extends keyof RouteSchemas>(name: K): () => Promise<RouteSchemas[K]> {
  return () => loadSchemas().then((schemas) => schemas[name]);
}

const WRITE_SCHEMAS: Record<QueuedWriteKind, SchemaLoader<unknown>> = {
  birthday: schemaOf('BirthdayStatus'),
  survey_response: schemaOf('SurveyResponse'),
  survey_dismissal: schemaOf('SurveyDismissal'),
};

async function checkInput<T>(schema: SchemaLoader<T>, value: unknown, what: string): Promise<T> {
  const parsed = (await schema()).safeParse(value);
  if (!parsed.success) {
    throw new LoyaltyError('invalid_request', `${what} does not match the contract; nothing was sent`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new LoyaltyError('invalid_request', `${what} must be a non-empty string; nothing was sent`);
  }
  return value;
}

export function createLoyaltyClient(options: LoyaltyClientOptions): LoyaltyClient {
  if (!options.apiBase) throw new TypeError('createLoyaltyClient: `apiBase` is required');
  if (!options.publishableKey?.startsWith('pk_')) {
    throw new TypeError('createLoyaltyClient: `publishableKey` must be a publishable key starting with "pk_"');
  }
  const apiBase = options.apiBase.endsWith('/') ? options.apiBase : `${options.apiBase}/`;
  const now = () => Date.now();
  const maxAgeMs = options.cacheMaxAgeMs ?? DEFAULT_CACHE_MAX_AGE_MS;
  const session = new Session(options.customerToken, options.getCustomerToken, now);
  const transport = new Transport({
    apiBase,
    publishableKey: options.publishableKey,
    timeoutMs: options.timeoutMs ?? 10_000,
    retry: options.retry,
    fetch: options.fetch,
    session,
  });
  const changes = new Changes();
  const cache = new ReadCache(now, (key, data) => {
    if (key === paths.summary) changes.emit({ type: 'summary', summary: data as Summary });
  });
  let claiming: Promise<BirthdayClaimResult> | undefined;
  const retryKeys = new RetryKeys();
  const redeeming = new Map<string, Promise<RedeemResult>>();

  const outbox = new Outbox({
    storage: options.outboxStorage,
    send: (write) =>
      transport
        .send({
          method: write.method,
          path: write.path,
          json: write.body,
          schema: WRITE_SCHEMAS[write.kind],
          asCustomer: true,
          repeatable: true,
          // The version's own key: sent again (a retry, the last try as the page closes, the next page), it lands once.
          idempotencyKey: write.revision,
          owner: write.owner,
        })
        .then((answer) => {
          // A write has no cached copy to vouch for: a 304 is not an answer the client can use.
          if (answer.kind !== 'fresh') {
            throw new LoyaltyError('invalid_response', `${write.path} answered 304`, { status: 304 });
          }
          return answer.data;
        }),
    beacon: (write) =>
      transport.beacon({
        method: write.method,
        path: write.path,
        json: write.body,
        owner: write.owner,
        idempotencyKey: write.revision,
      }),
    owner: () => session.owner(),
    ownerNow: () => session.ownerNow,
    onDelivered: (write, result) => {
      const completes =
        write.kind === 'survey_response' && (result as SurveyResponse | undefined)?.status === 'complete';
      // What the summary says changes: the birthday, and whether a survey is still due.
      if (write.kind === 'birthday' || write.kind === 'survey_dismissal' || completes) void refreshSummary();
    },
    onDropped: (write, error) => changes.emit({ type: 'write_failed', write, error }),
    onPending: (pending) => changes.emit({ type: 'outbox', pending }),
  });
  void outbox.resume();

  /** A GET through the page's read cache. */
  function read<T>({ path, schema, key = path, asCustomer = true, keyInQuery, query, ...cached }: ReadSpec<T>) {
    return cache.read(
      key,
      (etag) => transport.send({ method: 'get', path, schema, asCustomer, keyInQuery, searchParams: query, etag }),
      cached,
    );
  }

  const readSummary = (revalidate?: boolean) =>
    read({ path: paths.summary, schema: schemaOf('Summary'), maxAgeMs, revalidate });

  /** After a write, widgets showing the summary hear the new one. */
  async function refreshSummary(): Promise<void> {
    const cached = cache.has(paths.summary);
    // A read in flight was sent before the write and may not have it: it is neither joined nor kept.
    cache.supersede(paths.summary);
    if (!cached && changes.size === 0) return;
    const summary = await readSummary(true).catch(() => undefined);
    // With no summary cached the cache sees no change, but the subscribers asked to hear the new one.
    if (!cached && summary) changes.emit({ type: 'summary', summary });
  }

  /**
   * After a redemption: the rewards are read afresh (their balance, locks, stock and history changed),
   * and widgets showing the summary hear the new one. The rewards are asked for first, so a widget
   * that reloads on hearing the summary shares that request.
   */
  function afterRedeem(): void {
    const shown = cache.has(rewardPaths.rewards);
    cache.invalidate(rewardPaths.rewards);
    if (shown) void readRewards(true).catch(() => undefined);
    void refreshSummary();
  }

  function readRewards(revalidate?: boolean): Promise<CustomerRewards> {
    return read({ path: rewardPaths.rewards, schema: schemaOf('CustomerRewards'), maxAgeMs, revalidate });
  }

  async function queue<T>(
    kind: QueuedWriteKind,
    id: string,
    method: 'put' | 'post',
    path: string,
    body: unknown,
    order: number,
  ): Promise<WriteOutcome<T>> {
    // The token held names the customer even when it is due for a refresh that cannot happen offline.
    const owner = session.ownerNow ?? (await session.owner());
    if (!owner) throw new LoyaltyError('signed_out', 'No customer is signed in');
    // The id is the customer's own: another customer's birthday or dismissal on this device never replaces it.
    const write: QueuedWrite = {
      id: `${owner} ${id}`,
      revision: randomId(),
      owner,
      kind,
      method,
      path,
      body,
      order,
      queuedAt: now(),
    };
    const outcome = await outbox.submit(write);
    return outcome.delivered
      ? { status: 'sent', result: outcome.result as T }
      : { status: 'queued', error: outcome.error };
  }

  async function leave(): Promise<string | null> {
    const previous = session.ownerNow;
    if (previous) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const gaveUp = new Promise((resolve) => (timer = setTimeout(resolve, LOGOUT_FLUSH_MS)));
      await Promise.race([outbox.flush(), gaveUp]).catch(() => undefined);
      // A timer left behind would keep a Node process alive for its full length.
      clearTimeout(timer);
    }
    return previous;
  }

  /** Switches to `identity`, forgetting the customer before; returns their retry keys. */
  function reset(identity: CustomerIdentity): RetryKeys {
    session.switchTo(identity);
    cache.clear();
    claiming = undefined;
    redeeming.clear();
    const previousKeys = retryKeys.takeAll();
    changes.emit({ type: 'identity' });
    return previousKeys;
  }

  return {
    apiBase,
    publishableKey: options.publishableKey,

    getProgram: () =>
      read({
        path: paths.program,
        schema: schemaOf('Program'),
        asCustomer: false,
        keyInQuery: true,
        maxAgeMs: PROGRAM_MAX_AGE_MS,
      }),

    getSummary: (readOptions) => readSummary(readOptions?.revalidate),

    // Methods that check their arguments are async: a bad argument rejects the promise, it does not throw.
    getPointsHistory: async (query = {}, readOptions) => {
      const checked = await checkInput(schemaOf('PointsHistoryQuery'), query, 'The history query');
      const params = { limit: checked.limit, cursor: checked.cursor };
      return read({
        key: `${paths.pointsHistory}?${JSON.stringify(params)}`,
        path: paths.pointsHistory,
        schema: schemaOf('PointsHistory'),
        maxAgeMs,
        revalidate: readOptions?.revalidate,
        query: params,
      });
    },

    setBirthday: async (birthday) => {
      const body = await checkInput(schemaOf('BirthdayRequest'), birthday, 'The birthday');
      return queue<BirthdayStatus>('birthday', 'birthday', 'put', paths.birthday, body, now());
    },

    claimBirthdayReward: () => {
      const key = retryKeys.claim();
      claiming ??= transport
        .send({
          method: 'post',
          path: paths.birthdayClaim,
          schema: schemaOf('BirthdayClaimResult'),
          asCustomer: true,
          idempotencyKey: key,
        })
        .then((answer) => {
          if (answer.kind !== 'fresh') throw new LoyaltyError('invalid_response', 'The claim answered 304');
          void refreshSummary();
          return answer.data;
        })
        .finally(() => {
          claiming = undefined;
        });
      return claiming;
    },

    getRewards: (readOptions) => readRewards(readOptions?.revalidate),
    getReferral: (readOptions) =>
      read({
        path: referralPaths.referral,
        schema: schemaOf('Referral'),
        maxAgeMs,
        revalidate: readOptions?.revalidate,
      }),

    redeemReward: async (rewardId) => {
      const id = await checkInput(schemaOf('RewardId'), rewardId, 'The reward id');
      const pending = redeeming.get(id);
      if (pending) return pending;
      const key = retryKeys.redeem(id);
      const forgetKey = () => retryKeys.settle(id, key);
      const request: Promise<RedeemResult> = transport
        .send({
          method: 'post',
          path: rewardPaths.redeem(id),
          schema: schemaOf('RedeemResult'),
          asCustomer: true,
          idempotencyKey: key,
        })
        .then(
          (answer) => {
            if (answer.kind !== 'fresh') throw new LoyaltyError('invalid_response', 'The redemption answered 304');
            forgetKey();
            afterRedeem();
            return answer.data;
          },
          (error: unknown) => {
            // Refused (or never sent): the next try is a new redemption. Otherwise the points may have been
            // spent without an answer reaching the page, and the next try must replay this one.
            const unknownOutcome =
              error instanceof LoyaltyError && (isTransient(error) || error.code === 'invalid_response');
            if (!unknownOutcome) forgetKey();
            throw error;
          },
        )
        .finally(() => {
          if (redeeming.get(id) === request) redeeming.delete(id);
        });
      redeeming.set(id, request);
      return request;
    },

    getEligibleSurvey: async (trigger) => {
      const checked = await checkInput(schemaOf('SurveyTrigger'), trigger, 'The survey trigger');
      return read({
        key: `${surveyPaths.eligible}?${checked}`,
        path: surveyPaths.eligible,
        schema: schemaOf('EligibleSurvey'),
        maxAgeMs: 0,
        query: { trigger: checked },
      });
    },

    getSurveyResponse: async (responseId) => {
      const path = surveyPaths.response(checkId(responseId, 'The response id'));
      return read({ path, schema: schemaOf('SurveyResponse'), maxAgeMs: 0 });
    },

    saveSurveyResponse: async (responseId, update) => {
      const path = surveyPaths.response(checkId(responseId, 'The response id'));
      const body = await checkInput(schemaOf('SurveyResponseUpdate'), update, 'The survey response');
      return queue<SurveyResponse>(
        'survey_response',
        `survey_response:${responseId}`,
        'put',
        path,
        body,
        body.sequence,
      );
    },

    dismissSurvey: async (surveyId, request = {}) => {
      const path = surveyPaths.dismissals(checkId(surveyId, 'The survey id'));
      const body = await checkInput(schemaOf('SurveyDismissalRequest'), request, 'The dismissal');
      return queue<SurveyDismissal>('survey_dismissal', `survey_dismissal:${surveyId}`, 'post', path, body, now());
    },

    subscribe: (listener) => changes.subscribe(listener),

    identify: async (identity) => {
      const previous = await leave();
      const previousKeys = reset(identity);
      // A token that cannot be had now (offline, the token route down) names no one: the writes of the customer
      // before wait, as they do across page loads, rather than be dropped for someone who may be the same.
      const next = await session.owner().catch(() => undefined);
      if (previous && next !== undefined && previous !== next) await outbox.discard(previous);
      // The same shopper with a fresh token: a redemption or claim whose outcome is unknown keeps its key, so trying
      // again still cannot spend twice.
      if (previous && next === previous) retryKeys.restore(previousKeys);
      if (next) void outbox.flush();
    },

    logout: async () => {
      const previous = await leave();
      reset(null);
      if (previous) await outbox.discard(previous);
    },

    flush: () => outbox.flush(),
    pendingWrites: () => outbox.pending(),
    close: () => outbox.close(),
  };
}
