import { REFERRALS_OFF, type Referral } from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../store/database.ts';
import type { Program } from './programs.ts';
import { newReferralCode, referralLink } from './referral-links.ts';

/** Attempts at a fresh code before giving up: each collides with an existing one with odds of codes / 2^40. */
const CODE_ATTEMPTS = 5;

/** What `GET /v1/me/referral` shows: the shopper's code (made on first read), link, rules and results. */
export async function customerReferral(
  db: Queryable,
  program: Program,
  customerId: string,
  now: Date,
): Promise<Referral> {
  const settings = program.referrals;
  if (settings === null) return { ...REFERRALS_OFF };
  const code = await ensureReferralCode(db, program.id, customerId, now);
  const [row] = await db.query<{ joined: unknown; rewarded: unknown; points: unknown }>(
    `SELECT count(*) FILTER (WHERE r.refused_reason IS NULL
                                OR r.refused_reason NOT IN ('self_referral', 'same_email')) AS joined,
            count(*) FILTER (WHERE r.status = 'rewarded') AS rewarded,
            COALESCE(SUM(e.points) FILTER (WHERE r.status = 'rewarded'), 0) AS points
       FROM referrals r LEFT JOIN ledger_entries e ON e.id = r.referrer_entry_id
      WHERE r.program_id = $1 AND r.referrer_id = $2`,
    [program.id, customerId],
  );
  return {
    enabled: true,
    code,
    link: settings.landingUrl === null ? null : referralLink(settings.landingUrl, code),
    referrerPoints: settings.referrerPoints,
    friendPoints: settings.friendPoints,
    friendsJoined: toNumber(row?.joined ?? 0),
    friendsRewarded: toNumber(row?.rewarded ?? 0),
    pointsEarned: toNumber(row?.points ?? 0),
  };
}

/**
 * The customer's code, made if they have none. Reads at once make one code: the customer's primary key lets one
 * insert in, and the others read the code it wrote. A new code that meets an existing one is drawn again.
 */
async function ensureReferralCode(db: Queryable, programId: string, customerId: string, now: Date): Promise<string> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
    const [existing] = await db.query<{ code: string }>(
      'SELECT code FROM referral_codes WHERE program_id = $1 AND customer_id = $2',
      [programId, customerId],
    );
    if (existing !== undefined) return existing.code;
    await db.query(
      `INSERT INTO referral_codes (program_id, customer_id, code, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [programId, customerId, newReferralCode(), now],
    );
  }
  throw new Error(`No referral code could be made for customer ${customerId}`);
}
