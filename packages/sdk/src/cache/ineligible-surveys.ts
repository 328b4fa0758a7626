import { IneligibleReason, type EligibleSurvey } from '@loyalty-elements/contract';

/** Where answers are kept between page views: the shape of `sessionStorage`. */
export type EligibilityStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const STORAGE_KEY = 'loyalty-elements:ineligible-surveys';

/** Per `scope \n owner \n trigger`: the reason no survey is due, and when the API said so (ms since the epoch). */
type Entries = Record<string, { reason: IneligibleReason; at: number }>;

export interface IneligibleSurveys {
  /** The answer kept for `owner` at `trigger`, while it is younger than `maxAgeMs`. */
  get(owner: string, trigger: string): EligibleSurvey | undefined;
  /** Keeps `answer` when it offers no survey; an answer with one replaces what was kept. */
  remember(owner: string, trigger: string, answer: EligibleSurvey): void;
  /** Drops every answer kept for `owner` (on sign-out or a change of customer). */
  forget(owner: string): void;
}

/** The tab's `sessionStorage`, or null where there is none or the page may not use it (sandboxed, some private modes). */
export function defaultEligibilityStorage(): EligibilityStorage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * "No survey for this trigger" answers, kept for the tab's session so the next page view need not ask.
 *
 * Only answers without a survey are kept. A shopper turns eligible again only with time (a recontact
 * period or cooldown ending, counted in days) or when the merchant changes the surveys, so reusing the
 * answer for `maxAgeMs` shows such a survey at most that much later. An eligible answer is always asked
 * afresh: a dismissal or completion changes it.
 *
 * Entries are keyed by API, program key, customer and trigger; an unreadable or full storage falls back
 * to memory rather than failing a read.
 */
export function ineligibleSurveys(
  storage: EligibilityStorage | null,
  scope: string,
  maxAgeMs: number,
  now: () => number,
): IneligibleSurveys {
  let memory: Entries = {};
  const keyOf = (owner: string, trigger: string) => `${scope}\n${owner}\n${trigger}`;
  const fresh = ({ at }: { at: number }) => now() - at >= 0 && now() - at < maxAgeMs;

  const load = (): Entries => {
    try {
      return storage ? parseEntries(storage.getItem(STORAGE_KEY)) : memory;
    } catch {
      storage = null;
      return memory;
    }
  };
  /** Saves the entries still fresh, so the stored item does not grow with every trigger ever seen. */
  const save = (entries: Entries, keep: (key: string) => boolean) => {
    const kept: Entries = {};
    for (const key in entries) if (keep(key) && fresh(entries[key]!)) kept[key] = entries[key]!;
    try {
      if (!storage) memory = kept;
      else if (Object.keys(kept).length) storage.setItem(STORAGE_KEY, JSON.stringify(kept));
      else storage.removeItem(STORAGE_KEY);
    } catch {
      storage = null;
      memory = kept;
    }
  };

  return {
    get(owner, trigger) {
      const kept = maxAgeMs > 0 ? load()[keyOf(owner, trigger)] : undefined;
      return kept && fresh(kept) ? { survey: null, reason: kept.reason } : undefined;
    },
    remember(owner, trigger, { survey, reason }) {
      if (maxAgeMs <= 0) return;
      const key = keyOf(owner, trigger);
      const entries = load();
      if (survey === null && reason) entries[key] = { reason, at: now() };
      else if (!(key in entries)) return;
      save(entries, (other) => other !== key || survey === null);
    },
    forget(owner) {
      const prefix = keyOf(owner, '');
      save(load(), (key) => !key.startsWith(prefix));
    },
  };
}

/** The stored item, with anything that is not a well-formed entry left out (another script may have written it). */
function parseEntries(item: string | null): Entries {
  let parsed: unknown;
  try {
    parsed = JSON.parse(item ?? '{}');
  } catch {
    return {};
  }
  const entries: Entries = {};
  if (typeof parsed !== 'object' || !parsed || Array.isArray(parsed)) return entries;
  for (const [key, value] of Object.entries(parsed)) {
    const { reason, at } = (value ?? {}) as Partial<Entries[string]>;
    if (IneligibleReason.safeParse(reason).success && typeof at === 'number') entries[key] = { reason: reason!, at };
  }
  return entries;
}
