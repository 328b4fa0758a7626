import * as z from 'zod/mini';
import { IsoDate, IsoDateTime, LocalizedText, Points, UserText } from './primitives.ts';

// The merchant console: its sign-in (a server-side session held in a cookie) and the program's overview.

/** The cookie that carries a console session's token. */
export const CONSOLE_SESSION_COOKIE = 'loyalty_console';
/** The header every console request that changes something carries, so a cross-site form cannot forge one. */
export const CONSOLE_REQUEST_HEADER = 'X-Loyalty-Console';

/** A session lasts this long after its last request (8 h)… */
export const CONSOLE_SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** …and never longer than this after sign-in (24 h). */
export const CONSOLE_SESSION_MAX_SECONDS = 24 * 60 * 60;

export const SECRET_KEY_MAX_LENGTH = 200;

/** Body of `POST /console/api/session`: the program's secret key, exchanged once for a session cookie. */
export const ConsoleSignIn = z.strictObject({
  secretKey: UserText.check(z.minLength(1), z.maxLength(SECRET_KEY_MAX_LENGTH)),
});
export type ConsoleSignIn = z.infer<typeof ConsoleSignIn>;

/** `GET /console/api/session`: whose session this is and when it ends unless used again. */
export const ConsoleSession = z.object({
  program: z.object({ id: z.string(), name: z.string() }),
  expiresAt: IsoDateTime,
});
export type ConsoleSession = z.infer<typeof ConsoleSession>;

/** `GET /console/api/config`: what the sign-in page needs to know before anyone signs in. */
export const ConsoleConfig = z.object({
  /** True only while the API runs in demo mode: the page then offers to sign in with the demo key. */
  demo: z.boolean(),
  /** The demo program's secret key, in demo mode only. */
  demoSecretKey: z.optional(z.string()),
});
export type ConsoleConfig = z.infer<typeof ConsoleConfig>;

/** Weeks and months the overview covers, the current one last. */
export const OVERVIEW_WEEKS = 12;
export const OVERVIEW_MONTHS = 12;

/** `GET /v1/admin/overview`: the program at a glance, at the API's clock. */
export const AdminOverview = z.object({
  members: z.object({
    /** Customers whose membership runs (neither ended nor erased). */
    total: Points,
    /** Those members by the tier they hold now, every tier listed, lowest first. */
    byTier: z.array(z.object({ tierId: z.string(), name: LocalizedText, count: Points })),
    /** Members with a ledger entry other than an expiry in the last 30 days. */
    active30Days: Points,
  }),
  points: z.object({
    /** Points held and not expired, pending ones included: what the program owes its members. */
    outstanding: Points,
    /** Of those, points that expire within 30, 60 and 90 days (each includes the shorter spans). */
    expiring: z.object({ days30: Points, days60: Points, days90: Points }),
  }),
  /** Points earned and redeemed per week (weeks start on Monday in the program's time zone), oldest first. */
  weekly: z.array(z.object({ weekStart: IsoDate, earned: Points, redeemed: Points })),
  /** Redemptions by reward, most redeemed first. */
  redemptionsByReward: z.array(z.object({ rewardId: z.string(), name: LocalizedText, count: Points, points: Points })),
  /** Customers who joined and memberships that ended per month of the program's time zone, oldest first. */
  memberships: z.array(z.object({ month: z.string(), joined: Points, ended: Points })),
});
export type AdminOverview = z.infer<typeof AdminOverview>;
