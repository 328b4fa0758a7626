import { decodeJwt } from 'jose';
import { LoyaltyError, isLoyaltyError } from './errors.ts';
import type { CustomerTokenGetter } from './token-source.ts';

/** A customer token, a function that gets one, or `null` for a guest. */
export type CustomerIdentity = string | CustomerTokenGetter | null | undefined;

/** A token this close to its expiry is replaced before it is sent. */
const REFRESH_BEFORE_EXPIRY_MS = 60_000;
/**
 * A token just fetched is kept this long whatever its expiry says, so a route that hands out short-lived tokens
 * (or a device whose clock runs fast) is not asked again on every request. A refusal still replaces it at once.
 */
const KEEP_FETCHED_TOKEN_MS = 30_000;
/**
 * How long the getter's "no shopper" (null) is taken as the answer: the widgets of a page, which start reading at
 * different moments (the drop-in asks for the summary before their code has loaded), ask the getter once.
 */
const KEEP_GUEST_ANSWER_MS = 5_000;

interface TokenClaims {
  /** Milliseconds since the epoch; undefined when the token does not say (or is not a JWT). */
  expiresAt: number | undefined;
  /** Who the token speaks for: program (audience) and customer (subject). */
  owner: string;
}

function readClaims(token: string): TokenClaims {
  try {
    const claims = decodeJwt(token);
    const audience = Array.isArray(claims.aud) ? claims.aud.join(',') : (claims.aud ?? '');
    return {
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined,
      owner: `${audience}:${claims.sub ?? ''}`,
    };
  } catch {
    // An opaque token: the API decides. Its owner is the token itself.
    return { expiresAt: undefined, owner: `opaque:${token}` };
  }
}

/**
 * Who the client speaks for, and the token that proves it. Tokens are fetched lazily, refreshed a
 * minute before they expire and once when the API refuses one; concurrent callers share one call to
 * the getter. `generation` grows with every change of customer, so work begun for the previous one
 * can tell it is stale.
 */
export class Session {
  #token: string | null = null;
  #claims: TokenClaims | undefined;
  #getter: CustomerTokenGetter | undefined;
  /** When the getter last handed out the current token; undefined for a token given directly. */
  #fetchedAt: number | undefined;
  #fetching: Promise<string | null> | undefined;
  #generation = 0;
  readonly #now: () => number;

  constructor(token: string | null | undefined, getter: CustomerTokenGetter | undefined, now: () => number) {
    this.#now = now;
    this.#set(token ?? null, getter);
  }

  get generation(): number {
    return this.#generation;
  }

  /** The current token as it stands, without fetching one: for `pagehide`, where nothing can wait. */
  get tokenNow(): string | null {
    return this.#token;
  }

  /** Switches to another customer (or to a guest with `null`). */
  switchTo(identity: CustomerIdentity): void {
    if (typeof identity === 'function') this.#set(null, identity);
    else this.#set(identity ?? null, undefined);
    this.#generation += 1;
  }

  /**
   * A token to send, fetching or refreshing it as needed; `null` for a guest. `refused`: a token the
   * API refused, replaced unless another request has replaced it already (one getter call for all).
   */
  async token(options: { refused?: string | undefined } = {}): Promise<string | null> {
    const refused = options.refused !== undefined && options.refused === this.#token;
    const stale = (!this.#token && !this.#guestAnswerKept()) || refused || this.#expiresSoon();
    if (stale && this.#getter) return this.#fetch();
    return this.#token;
  }

  /** The owner of the current token (fetching one if needed), or `null` for a guest. */
  async owner(): Promise<string | null> {
    const token = await this.token();
    return token ? this.ownerOf(token) : null;
  }

  /** The owner of the token held now, without fetching one. */
  get ownerNow(): string | null {
    return this.#token ? this.ownerOf(this.#token) : null;
  }

  /** Who `token` speaks for. */
  ownerOf(token: string): string {
    return this.#claimsOf(token).owner;
  }

  /** True when `getCustomerToken` can be asked for a fresh token. */
  get canRefresh(): boolean {
    return this.#getter !== undefined;
  }

  #set(token: string | null, getter: CustomerTokenGetter | undefined): void {
    this.#token = token || null;
    this.#claims = undefined;
    this.#fetchedAt = undefined;
    this.#getter = getter;
    this.#fetching = undefined;
  }

  #claimsOf(token: string): TokenClaims {
    if (this.#token === token) return (this.#claims ??= readClaims(token));
    return readClaims(token);
  }

  /** The getter answered null (a guest) a moment ago. */
  #guestAnswerKept(): boolean {
    return this.#fetchedAt !== undefined && this.#now() - this.#fetchedAt < KEEP_GUEST_ANSWER_MS;
  }

  #expiresSoon(): boolean {
    if (!this.#token) return false;
    if (this.#fetchedAt !== undefined && this.#now() - this.#fetchedAt < KEEP_FETCHED_TOKEN_MS) return false;
    const { expiresAt } = this.#claimsOf(this.#token);
    return expiresAt !== undefined && expiresAt - this.#now() < REFRESH_BEFORE_EXPIRY_MS;
  }

  #fetch(): Promise<string | null> {
    if (this.#fetching) return this.#fetching;
    const generation = this.#generation;
    const getter = this.#getter!;
    const fetching: Promise<string | null> = (async () => {
      try {
        const token = (await getter()) ?? null;
        if (generation === this.#generation) {
          this.#token = token || null;
          this.#claims = undefined;
          this.#fetchedAt = this.#now();
        }
        return token || null;
      } catch (cause) {
        // customerTokenFromUrl says what went wrong itself.
        if (isLoyaltyError(cause)) throw cause;
        // `fetch` rejects with a TypeError when the network is down: that passes, a refusal does not.
        const offline = cause instanceof TypeError || (typeof navigator !== 'undefined' && navigator.onLine === false);
        if (offline) throw new LoyaltyError('network', 'Could not reach the customer token endpoint', { cause });
        throw new LoyaltyError('unauthorized', 'Could not get a customer token', { cause });
      }
    })().finally(() => {
      if (this.#fetching === fetching) this.#fetching = undefined;
    });
    this.#fetching = fetching;
    return fetching;
  }
}
