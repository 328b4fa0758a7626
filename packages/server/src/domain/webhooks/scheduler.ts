import type { WebhookEventType } from '@loyalty-elements/contract';
import type { Database, Queryable } from '../../store/database.ts';
import type { Logger } from '../../logger.ts';
import { startPeriodic, type PeriodicTask } from '../../periodic.ts';
import { expireLapsedPoints } from '../ledger.ts';
import { findProgramById } from '../programs.ts';
import { emitBirthdaysUpcoming } from './moments/birthday-upcoming.ts';
import { emitPointsExpiring } from './moments/points-expiring.ts';
import { emitTierMoments } from './moments/tier-moments.ts';

/** The event types no write causes: the scheduler finds their moments as time passes. */
export const SCHEDULED_EVENT_TYPES = [
  'points.expiring',
  'birthday.upcoming',
  'tier.at_risk',
  'tier.changed',
] as const satisfies readonly WebhookEventType[];

/**
 * Finds every scheduled moment due at `now` and writes its event to the outbox, once: for each program with an
 * enabled endpoint subscribed to one of {@link SCHEDULED_EVENT_TYPES}, in one transaction per program. Safe to run
 * from several instances at once and again after a restart: an instance that cannot take the program's advisory
 * lock leaves it to the one that holds it, and each moment is claimed in `scheduled_moments` with its event.
 * Returns how many events it wrote.
 */
export async function runScheduledMoments(db: Database, now: Date): Promise<number> {
  const programs = await db.query<{ program_id: string; events: string[] }>(
    `SELECT program_id, array_agg(DISTINCT event) AS events
       FROM webhook_endpoints, unnest(events) AS event
      WHERE enabled AND event = ANY($1::text[])
      GROUP BY program_id
      ORDER BY program_id`,
    [SCHEDULED_EVENT_TYPES],
  );
  let emitted = 0;
  for (const { program_id: programId, events } of programs) {
    emitted += await db.transaction((tx) => runProgram(tx, programId, new Set(events), now));
  }
  return emitted;
}

async function runProgram(tx: Queryable, programId: string, types: ReadonlySet<string>, now: Date): Promise<number> {
  const [lock] = await tx.query<{ locked: boolean }>(
    `SELECT pg_try_advisory_xact_lock(hashtext('scheduled_moments'), hashtext($1)) AS locked`,
    [programId],
  );
  if (!lock?.locked) return 0;
  const program = await findProgramById(tx, programId, now);
  if (program === undefined) return 0;
  let emitted = 0;
  if (types.has('points.expiring')) emitted += await emitPointsExpiring(tx, program, now);
  if (types.has('birthday.upcoming')) emitted += await emitBirthdaysUpcoming(tx, program, now);
  const tierTypes = { atRisk: types.has('tier.at_risk'), changed: types.has('tier.changed') };
  if (tierTypes.atRisk || tierTypes.changed) emitted += await emitTierMoments(tx, program, tierTypes, now);
  return emitted;
}

/**
 * Every `intervalMs` with the app's clock, writes off the points that lapsed ({@link expireLapsedPoints}: their
 * `points.expired` is no scheduled moment, but it is due when they lapse) and runs {@link runScheduledMoments}; none
 * when `intervalMs` is 0.
 */
export function startScheduler(
  db: Database,
  intervalMs: number,
  now: () => Date,
  logger: Pick<Logger, 'error'>,
): PeriodicTask | null {
  if (intervalMs <= 0) return null;
  return startPeriodic(
    'scheduled-moments',
    intervalMs,
    async () => {
      await expireLapsedPoints(db, now());
      await runScheduledMoments(db, now());
    },
    logger,
  );
}
