import { randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../store/database.ts';

export type KeyKind = 'publishable' | 'secret';

/** A new key: `pk_` or `sk_`, then 32 random bytes (secret) or 18 (publishable) in base64url. */
export function generateKey(kind: KeyKind): string {
  return kind === 'secret'
    ? `sk_${randomBytes(32).toString('base64url')}`
    : `pk_${randomBytes(18).toString('base64url')}`;
}

/** The kind a key's prefix says it is, or undefined. */
export function kindOfKey(key: string): KeyKind | undefined {
  if (key.startsWith('pk_')) return 'publishable';
  if (key.startsWith('sk_')) return 'secret';
  return undefined;
}

/** Why an operator's command (create a program, rotate or revoke a key) was refused, in words for the operator. */
export class OperatorError extends Error {}

export interface ProgramKeyListing {
  key: string;
  kind: KeyKind;
  /** `current`, or until when a rotated-out key keeps working (in the past: it no longer does). */
  status: 'current' | { expiresAt: Date };
}

export interface RotatedKey {
  key: string;
  /** The key it replaced and until when that one keeps working (absent with no grace period). */
  previous: { key: string; expiresAt: Date } | undefined;
}

/**
 * Replaces the program's current key of `kind` with a new one. The old key keeps working for
 * `graceMs` from `now` (0: it stops at once), so a storefront or backend can switch without a failed
 * request. Keys already in their grace period keep their own end.
 */
export async function rotateKey(
  db: Database,
  options: { programId: string; kind: KeyKind; graceMs: number; now: Date },
): Promise<RotatedKey> {
  const { programId, kind, graceMs, now } = options;
  const column = `${kind}_key`;
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ key: string }>(`SELECT ${column} AS key FROM programs WHERE id = $1 FOR UPDATE`, [
      programId,
    ]);
    if (row === undefined) throw new OperatorError(`There is no program "${programId}".`);
    const key = generateKey(kind);
    await tx.query(`UPDATE programs SET ${column} = $2 WHERE id = $1`, [programId, key]);
    if (graceMs <= 0) return { key, previous: undefined };
    const expiresAt = new Date(now.getTime() + graceMs);
    await tx.query(
      `INSERT INTO retired_keys (key, program_id, kind, retired_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [row.key, programId, kind, now, expiresAt],
    );
    return { key, previous: { key: row.key, expiresAt } };
  });
}

/**
 * Ends a rotated-out key at once. The current key of a program cannot be revoked alone (the program would
 * have none): rotate it with no grace period instead, which issues its successor and ends it in one step.
 */
export async function revokeKey(db: Queryable, key: string, now: Date): Promise<{ programId: string }> {
  const [retired] = await db.query<{ program_id: string }>(
    `UPDATE retired_keys SET expires_at = LEAST(expires_at, $2) WHERE key = $1 RETURNING program_id`,
    [key, now],
  );
  if (retired !== undefined) return { programId: retired.program_id };
  const [current] = await db.query<{ id: string }>(
    'SELECT id FROM programs WHERE publishable_key = $1 OR secret_key = $1',
    [key],
  );
  if (current !== undefined) {
    const kind = kindOfKey(key) ?? 'secret';
    throw new OperatorError(
      `That is the current ${kind} key of program "${current.id}". ` +
        `Replace it and end it at once with: keys rotate --program ${current.id} --kind ${kind} --grace 0`,
    );
  }
  throw new OperatorError('No program has that key.');
}

/** The program's keys: the current pair, then those rotated out, newest first. */
export async function listKeys(db: Queryable, programId: string): Promise<ProgramKeyListing[]> {
  const [program] = await db.query<{ publishable_key: string; secret_key: string }>(
    'SELECT publishable_key, secret_key FROM programs WHERE id = $1',
    [programId],
  );
  if (program === undefined) throw new OperatorError(`There is no program "${programId}".`);
  const retired = await db.query<{ key: string; kind: KeyKind; expires_at: Date | string }>(
    'SELECT key, kind, expires_at FROM retired_keys WHERE program_id = $1 ORDER BY retired_at DESC',
    [programId],
  );
  return [
    { key: program.publishable_key, kind: 'publishable', status: 'current' },
    { key: program.secret_key, kind: 'secret', status: 'current' },
    ...retired.map((row) => ({ key: row.key, kind: row.kind, status: { expiresAt: new Date(row.expires_at) } })),
  ];
}
