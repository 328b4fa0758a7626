import type { Program } from '../domain/programs.ts';
import { findProgramByPublishableKey } from '../domain/programs.ts';
import { programSurveys, type ProgramSurveys } from '../domain/surveys/eligibility.ts';
import type { Queryable } from '../store/database.ts';
import { LruMap } from './lru.ts';

/** The longest a program's settings are served from memory without reading them again. */
export const SETTINGS_CACHE_MS = 60_000;
const PROGRAMS_CAPACITY = 1_000;
const TOKENS_CAPACITY = 10_000;

interface CachedProgram {
  program: Program;
  /** Milliseconds since the epoch, on the app clock. */
  validUntil: number;
}

interface CachedSurveys {
  /** The program's settings version they were read at: every write of surveys or their settings bumps it. */
  settingsVersion: number;
  surveys: Promise<ProgramSurveys>;
}

interface VerifiedToken {
  programId: string;
  /** The program's settings the token was verified against; a new key or secret verifies it again. */
  settingsVersion: number;
  customerId: string;
  /** The token's `exp`, in seconds since the epoch. */
  exp: number;
  /**
   * When the program's first rotated-out key stops working (ms since the epoch, the API's clock): the token may have
   * been verified with it, so it is verified again from then on.
   */
  graceEndsAt: number | undefined;
}

/**
 * Programs by publishable key, their surveys, and customer tokens already verified, kept in this process. A cached
 * program is used for at most {@link SETTINGS_CACHE_MS}, never past the end of a rotated key's grace period, and is
 * forgotten as soon as this process learns its settings changed: from the version a customer read returns, or from a
 * `loyalty_settings` notification sent by the writing transaction on any instance.
 */
export class SettingsCache {
  readonly #programs = new LruMap<string, CachedProgram>(PROGRAMS_CAPACITY);
  readonly #tokens = new LruMap<string, VerifiedToken>(TOKENS_CAPACITY);
  readonly #surveys = new LruMap<string, CachedSurveys>(PROGRAMS_CAPACITY);

  /** The program of `publishableKey` at `now`, from memory when it is there and still valid. */
  async programByPublishableKey(db: Queryable, publishableKey: string, now: Date): Promise<Program | undefined> {
    const cached = this.#programs.get(publishableKey);
    if (cached !== undefined && now.getTime() < cached.validUntil) return cached.program;
    const program = await findProgramByPublishableKey(db, publishableKey, now);
    if (program === undefined) {
      this.#programs.delete(publishableKey);
      return undefined;
    }
    const validUntil = Math.min(now.getTime() + SETTINGS_CACHE_MS, program.graceEndsAt?.getTime() ?? Infinity);
    this.#programs.set(publishableKey, { program, validUntil });
    return program;
  }

  /**
   * The surveys `program` asks, read once per settings version (requests that miss at once share one read).
   * `program.settingsVersion` must be current, as a signed-in customer's read makes it.
   */
  surveysOf(db: Queryable, program: Pick<Program, 'id' | 'settingsVersion'>): Promise<ProgramSurveys> {
    const cached = this.#surveys.get(program.id);
    if (cached !== undefined && cached.settingsVersion === program.settingsVersion) return cached.surveys;
    const surveys = programSurveys(db, program.id);
    const entry = { settingsVersion: program.settingsVersion, surveys };
    this.#surveys.set(program.id, entry);
    surveys.catch(() => {
      if (this.#surveys.get(program.id) === entry) this.#surveys.delete(program.id);
    });
    return surveys;
  }

  /** The customer of a token this process verified for `program` as it is now, while the token lives. */
  verifiedCustomer(program: Program, token: string, now: Date): string | undefined {
    const verified = this.#tokens.get(token);
    if (verified === undefined) return undefined;
    const current = verified.programId === program.id && verified.settingsVersion === program.settingsVersion;
    const inGrace = verified.graceEndsAt === undefined || now.getTime() < verified.graceEndsAt;
    // The same clock as the token's verification (jose reads the system clock).
    if (current && inGrace && verified.exp > Date.now() / 1000) return verified.customerId;
    this.#tokens.delete(token);
    return undefined;
  }

  rememberToken(program: Program, token: string, customerId: string, exp: number): void {
    this.#tokens.set(token, {
      programId: program.id,
      settingsVersion: program.settingsVersion,
      customerId,
      exp,
      graceEndsAt: program.graceEndsAt?.getTime(),
    });
  }

  /** Forgets the program's settings and the tokens verified with them. */
  forgetProgram(programId: string): void {
    this.#programs.deleteWhere((cached) => cached.program.id === programId);
    this.#tokens.deleteWhere((verified) => verified.programId === programId);
    this.#surveys.delete(programId);
  }

  clear(): void {
    this.#programs.clear();
    this.#tokens.clear();
    this.#surveys.clear();
  }
}
