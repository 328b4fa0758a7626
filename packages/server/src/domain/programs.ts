import type { LocalizedText } from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../store/database.ts';

export interface Tier {
  id: string;
  name: LocalizedText;
  /** Points earned inside the qualification window needed to hold the tier. */
  threshold: number;
}

export interface Program {
  id: string;
  name: string;
  pointsName: LocalizedText;
  publishableKey: string;
  secretKey: string;
  /** Length of the rolling window in which earned points count towards a tier. */
  tierWindowMonths: number;
  /** Ordered by threshold, lowest first. */
  tiers: Tier[];
}

interface ProgramRow {
  id: string;
  name: string;
  points_name: LocalizedText;
  publishable_key: string;
  secret_key: string;
  tier_window_months: number;
  tiers: Array<{ id: string; name: LocalizedText; threshold: number | string }>;
}

const SELECT_PROGRAM = `
  SELECT p.id, p.name, p.points_name, p.publishable_key, p.secret_key, p.tier_window_months,
         COALESCE(
           (SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'threshold', t.threshold)
                            ORDER BY t.threshold)
              FROM tiers t WHERE t.program_id = p.id),
           '[]'::json) AS tiers
    FROM programs p`;

export function findProgramById(db: Queryable, id: string): Promise<Program | undefined> {
  return findOne(db, 'p.id = $1', id);
}

export function findProgramByPublishableKey(db: Queryable, key: string): Promise<Program | undefined> {
  return findOne(db, 'p.publishable_key = $1', key);
}

export function findProgramBySecretKey(db: Queryable, key: string): Promise<Program | undefined> {
  return findOne(db, 'p.secret_key = $1', key);
}

async function findOne(db: Queryable, where: string, value: string): Promise<Program | undefined> {
  const [row] = await db.query<ProgramRow>(`${SELECT_PROGRAM} WHERE ${where}`, [value]);
  return row && toProgram(row);
}

function toProgram(row: ProgramRow): Program {
  return {
    id: row.id,
    name: row.name,
    pointsName: row.points_name,
    publishableKey: row.publishable_key,
    secretKey: row.secret_key,
    tierWindowMonths: toNumber(row.tier_window_months),
    tiers: row.tiers.map((tier) => ({ id: tier.id, name: tier.name, threshold: toNumber(tier.threshold) })),
  };
}
