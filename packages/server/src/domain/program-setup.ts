import { CurrencyCode, Identifier, LocalizedText, TimeZone } from '@loyalty-elements/contract';
import * as z from 'zod/mini';
import type { Database } from '../store/database.ts';
import { isUniqueViolation } from '../store/database.ts';
import { generateKey, OperatorError } from './program-keys.ts';

export const NewProgram = z.object({
  name: Identifier,
  /** Chosen by the merchant, or made from the name. */
  id: z.optional(Identifier),
  currency: CurrencyCode,
  timezone: TimeZone,
  pointsName: z.optional(LocalizedText),
});
export type NewProgram = z.infer<typeof NewProgram>;

export interface CreatedProgram {
  programId: string;
  publishableKey: string;
  /** Shown once: only its holder can read it again. */
  secretKey: string;
}

const DEFAULT_POINTS_NAME = { en: 'points', 'zh-CN': '积分' };
/** Every program starts with one tier that every member holds; the admin API adds the others. */
const BASE_TIER = { id: 'member', name: { en: 'Member', 'zh-CN': '会员' }, threshold: 0 };

/** A program id made from its name: `Demo Tea House` → `demo-tea-house`; a name without Latin letters or digits gets a random id. */
export function programIdFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || `program-${generateKey('publishable').slice(3, 11).toLowerCase()}`;
}

/** Creates a program with its keys and a base tier, points that never expire and no birthday reward yet. */
export async function createProgram(db: Database, draft: NewProgram): Promise<CreatedProgram> {
  const programId = draft.id ?? programIdFromName(draft.name);
  const keys = { publishableKey: generateKey('publishable'), secretKey: generateKey('secret') };
  try {
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO programs (id, name, points_name, publishable_key, secret_key, timezone, currency)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          programId,
          draft.name,
          JSON.stringify(draft.pointsName ?? DEFAULT_POINTS_NAME),
          keys.publishableKey,
          keys.secretKey,
          draft.timezone,
          draft.currency,
        ],
      );
      await tx.query(`INSERT INTO tiers (program_id, id, name, threshold) VALUES ($1, $2, $3, $4)`, [
        programId,
        BASE_TIER.id,
        JSON.stringify(BASE_TIER.name),
        BASE_TIER.threshold,
      ]);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new OperatorError(`A program with the id "${programId}" exists already.`);
    throw error;
  }
  return { programId, ...keys };
}

/** Every program: id, name and current publishable key. */
export function listPrograms(db: Database): Promise<Array<{ id: string; name: string; publishable_key: string }>> {
  return db.query('SELECT id, name, publishable_key FROM programs ORDER BY created_at, id');
}
