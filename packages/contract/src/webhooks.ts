import * as z from 'zod/mini';
import { MembershipEndReason } from './customers.ts';
import { LedgerEntryKind } from './points.ts';
import { cursorPaging, IsoDate, IsoDateTime, LocalizedText, Points, PositivePoints, UserText } from './primitives.ts';

// Events the API sends to a merchant's endpoints, and the endpoints themselves.

export const WEBHOOK_EVENT_TYPES = [
  'points.earned',
  'points.redeemed',
  'points.expired',
  'points.expiring',
  'tier.changed',
  'tier.at_risk',
  'birthday.upcoming',
  'reward.redeemed',
  'reward.voided',
  'survey.completed',
  'follow_up.opened',
  'follow_up.resolved',
  'member.joined',
  'member.left',
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** Points that moved, the ledger entry that moved them, and the order behind them when there is one. */
const PointsMoved = z.object({
  points: PositivePoints,
  kind: LedgerEntryKind,
  entryId: z.string(),
  orderId: z.optional(z.string()),
});

const FollowUp = z.object({ followUpId: z.string(), surveyId: z.string() });

/** The `data` of each event type. */
export const WEBHOOK_EVENT_DATA = {
  'points.earned': PointsMoved,
  'points.redeemed': PointsMoved,
  'points.expired': PointsMoved,
  'points.expiring': z.object({ points: PositivePoints, expiresAt: IsoDateTime }),
  'tier.changed': z.object({ from: z.string(), to: z.string(), direction: z.enum(['up', 'down']) }),
  'tier.at_risk': z.object({
    tierId: z.string(),
    /** When the tier is lost unless the member earns `pointsNeeded` more of the tier metric. */
    at: IsoDateTime,
    pointsNeeded: PositivePoints,
    dropsTo: z.string(),
  }),
  'birthday.upcoming': z.object({
    /** The celebration date, in the customer's time zone (Gregorian, also for lunar birthdays). */
    date: IsoDate,
    daysBefore: Points,
  }),
  'reward.redeemed': z.object({
    rewardId: z.string(),
    rewardName: LocalizedText,
    pointsSpent: Points,
    redemptionId: z.string(),
    /** The code the shopper shows or types at checkout. */
    code: z.string(),
  }),
  /** The redemption's debit was reversed, so its points are back: the code no longer holds. */
  'reward.voided': z.object({ rewardId: z.string(), redemptionId: z.string(), code: z.string() }),
  'survey.completed': z.object({
    surveyId: z.string(),
    version: z.int(),
    responseId: z.string(),
    /** The NPS group of the answer; null for a survey without an NPS question. */
    npsGroup: z.nullable(z.enum(['promoter', 'passive', 'detractor'])),
  }),
  'follow_up.opened': FollowUp,
  'follow_up.resolved': FollowUp,
  'member.joined': z.object({}),
  'member.left': z.object({ reason: MembershipEndReason }),
} satisfies Record<WebhookEventType, z.ZodMiniObject>;

export type WebhookEventData<T extends WebhookEventType> = z.infer<(typeof WEBHOOK_EVENT_DATA)[T]>;

function eventOf<T extends WebhookEventType>(type: T) {
  return z.object({
    /** Stable across retries: a receiver deduplicates on it. Also sent as the `webhook-id` header. */
    id: z.string(),
    type: z.literal(type),
    createdAt: IsoDateTime,
    programId: z.string(),
    customerId: z.string(),
    data: WEBHOOK_EVENT_DATA[type],
  });
}

// Each call is marked pure: a browser bundle that never reads the schemas drops them.
/** One schema per event type, for the OpenAPI document's `webhooks`. */
export const WEBHOOK_EVENT_SCHEMAS = {
  'points.earned': /* @__PURE__ */ eventOf('points.earned'),
  'points.redeemed': /* @__PURE__ */ eventOf('points.redeemed'),
  'points.expired': /* @__PURE__ */ eventOf('points.expired'),
  'points.expiring': /* @__PURE__ */ eventOf('points.expiring'),
  'tier.changed': /* @__PURE__ */ eventOf('tier.changed'),
  'tier.at_risk': /* @__PURE__ */ eventOf('tier.at_risk'),
  'birthday.upcoming': /* @__PURE__ */ eventOf('birthday.upcoming'),
  'reward.redeemed': /* @__PURE__ */ eventOf('reward.redeemed'),
  'reward.voided': /* @__PURE__ */ eventOf('reward.voided'),
  'survey.completed': /* @__PURE__ */ eventOf('survey.completed'),
  'follow_up.opened': /* @__PURE__ */ eventOf('follow_up.opened'),
  'follow_up.resolved': /* @__PURE__ */ eventOf('follow_up.resolved'),
  'member.joined': /* @__PURE__ */ eventOf('member.joined'),
  'member.left': /* @__PURE__ */ eventOf('member.left'),
} satisfies { [T in WebhookEventType]: ReturnType<typeof eventOf<T>> };

/** An event as a receiver gets it, told apart by `type`. */
export const WebhookEvent = /* @__PURE__ */ z.discriminatedUnion('type', [
  WEBHOOK_EVENT_SCHEMAS['points.earned'],
  WEBHOOK_EVENT_SCHEMAS['points.redeemed'],
  WEBHOOK_EVENT_SCHEMAS['points.expired'],
  WEBHOOK_EVENT_SCHEMAS['points.expiring'],
  WEBHOOK_EVENT_SCHEMAS['tier.changed'],
  WEBHOOK_EVENT_SCHEMAS['tier.at_risk'],
  WEBHOOK_EVENT_SCHEMAS['birthday.upcoming'],
  WEBHOOK_EVENT_SCHEMAS['reward.redeemed'],
  WEBHOOK_EVENT_SCHEMAS['reward.voided'],
  WEBHOOK_EVENT_SCHEMAS['survey.completed'],
  WEBHOOK_EVENT_SCHEMAS['follow_up.opened'],
  WEBHOOK_EVENT_SCHEMAS['follow_up.resolved'],
  WEBHOOK_EVENT_SCHEMAS['member.joined'],
  WEBHOOK_EVENT_SCHEMAS['member.left'],
]);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

export const WEBHOOK_URL_MAX_LENGTH = 2_000;
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 500;

const WebhookUrl = UserText.check(z.maxLength(WEBHOOK_URL_MAX_LENGTH), z.url());

const SubscribedEvents = z.array(WebhookEventType).check(
  z.minLength(1),
  z.refine((events) => new Set(events).size === events.length, 'List each event type once.'),
);

/** Body of `POST /v1/admin/webhooks`. */
export const WebhookEndpointCreate = z.strictObject({
  url: WebhookUrl,
  events: SubscribedEvents,
  description: z.optional(UserText.check(z.maxLength(WEBHOOK_DESCRIPTION_MAX_LENGTH))),
});
export type WebhookEndpointCreate = z.infer<typeof WebhookEndpointCreate>;

/** Body of `PATCH /v1/admin/webhooks/{id}`: the fields to change. */
export const WebhookEndpointPatch = z.strictObject({
  events: z.optional(SubscribedEvents),
  enabled: z.optional(z.boolean()),
  description: z.optional(z.nullable(UserText.check(z.maxLength(WEBHOOK_DESCRIPTION_MAX_LENGTH)))),
});
export type WebhookEndpointPatch = z.infer<typeof WebhookEndpointPatch>;

/** An endpoint that receives the program's events of the types it subscribes to. */
export const WebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(WebhookEventType),
  description: z.nullable(z.string()),
  enabled: z.boolean(),
  createdAt: IsoDateTime,
  /** Why the API turned the endpoint off; null when it is on, or when the merchant turned it off. */
  disabledReason: z.nullable(z.string()),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** `POST /v1/admin/webhooks` answer: the endpoint and its signing secret, shown this once. */
export const CreatedWebhookEndpoint = z.object({
  ...WebhookEndpoint.shape,
  /** `whsec_` and base64: the key of the Standard Webhooks signature. */
  secret: z.string().check(z.regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/)),
});
export type CreatedWebhookEndpoint = z.infer<typeof CreatedWebhookEndpoint>;

/** `GET /v1/admin/webhooks`. */
export const WebhookEndpointList = z.object({ endpoints: z.array(WebhookEndpoint) });
export type WebhookEndpointList = z.infer<typeof WebhookEndpointList>;

export const WebhookDeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

/** One event for one endpoint, and how sending it went. */
export const WebhookDelivery = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: WebhookEventType,
  status: WebhookDeliveryStatus,
  attempts: Points,
  /** The HTTP status of the last attempt; null before one, or when no answer came. */
  responseCode: z.nullable(z.int()),
  durationMs: z.nullable(Points),
  /** When it is sent (again); null once it succeeded or failed for good. */
  nextAttemptAt: z.nullable(IsoDateTime),
  createdAt: IsoDateTime,
  /** The event as it is sent. */
  event: WebhookEvent,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WEBHOOK_DELIVERIES_DEFAULT_LIMIT = 20;
export const WEBHOOK_DELIVERIES_MAX_LIMIT = 100;

/** Query of `GET /v1/admin/webhooks/{id}/deliveries`. */
export const WebhookDeliveryListQuery = z.object(cursorPaging(WEBHOOK_DELIVERIES_MAX_LIMIT));
export type WebhookDeliveryListQuery = z.infer<typeof WebhookDeliveryListQuery>;

/** `GET /v1/admin/webhooks/{id}/deliveries`: newest first. */
export const WebhookDeliveryPage = z.object({
  deliveries: z.array(WebhookDelivery),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;
