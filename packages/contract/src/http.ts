/** Names shared by the API and its clients, so neither side spells them twice. */
export const API_VERSION_PREFIX = '/v1';
export const PUBLISHABLE_KEY_HEADER = 'X-Publishable-Key';
/**
 * `GET /v1/program` and the customer GETs also take the publishable key as this query parameter: a cross-origin GET with no custom
 * header needs no CORS preflight, and the browser's HTTP cache keys the answer by its URL.
 */
export const PUBLISHABLE_KEY_QUERY = 'key';
/**
 * A customer GET also takes the customer token as this query parameter (RFC 6750 §2.3), and the publishable key as
 * `key`: a cross-origin GET with neither `Authorization` nor a custom header is a simple request, which needs no
 * CORS preflight. The answers are `private`; the API never logs a query string.
 */
export const CUSTOMER_TOKEN_QUERY = 'access_token';
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAY_HEADER = 'Idempotent-Replayed';

export const paths = {
  program: '/v1/program',
  summary: '/v1/me/summary',
  pointsHistory: '/v1/me/points/history',
  birthday: '/v1/me/birthday',
  birthdayClaim: '/v1/me/birthday/claim',
  /** Route pattern of `customer`, for servers. */
  customerPattern: '/v1/admin/customers/:customerId',
  customer: (customerId: string) => `/v1/admin/customers/${encodeURIComponent(customerId)}`,
  /** Route pattern of `customerTransactions`, for servers. */
  customerTransactionsPattern: '/v1/admin/customers/:customerId/transactions',
  customerTransactions: (customerId: string) => `/v1/admin/customers/${encodeURIComponent(customerId)}/transactions`,
  demoCustomerToken: '/v1/demo/customer-token',
} as const;

/** Customer tokens live at most this long (24 h). */
export const MAX_CUSTOMER_TOKEN_TTL_SECONDS = 24 * 60 * 60;

/** The survey routes (beside `paths`: a widget that needs them pulls in no schema). */
export const surveyPaths = {
  eligible: '/v1/me/surveys/eligible',
  responsePattern: '/v1/me/surveys/responses/:responseId',
  response: (responseId: string) => `/v1/me/surveys/responses/${encodeURIComponent(responseId)}`,
  dismissalsPattern: '/v1/me/surveys/:surveyId/dismissals',
  dismissals: (surveyId: string) => `/v1/me/surveys/${encodeURIComponent(surveyId)}/dismissals`,
  adminSurveys: '/v1/admin/surveys',
  adminSurveyPattern: '/v1/admin/surveys/:surveyId',
  adminSurvey: (surveyId: string) => `/v1/admin/surveys/${encodeURIComponent(surveyId)}`,
  resultsPattern: '/v1/admin/surveys/:surveyId/results',
  results: (surveyId: string) => `/v1/admin/surveys/${encodeURIComponent(surveyId)}/results`,
  followUps: '/v1/admin/follow-ups',
} as const;

/** The service-recovery routes (secret key): the follow-up queue and the work on one follow-up. */
export const followUpPaths = {
  followUps: '/v1/admin/follow-ups',
  followUpPattern: '/v1/admin/follow-ups/:followUpId',
  followUp: (followUpId: string) => `/v1/admin/follow-ups/${encodeURIComponent(followUpId)}`,
  notesPattern: '/v1/admin/follow-ups/:followUpId/notes',
  notes: (followUpId: string) => `/v1/admin/follow-ups/${encodeURIComponent(followUpId)}/notes`,
  resolutionPattern: '/v1/admin/follow-ups/:followUpId/resolution',
  resolution: (followUpId: string) => `/v1/admin/follow-ups/${encodeURIComponent(followUpId)}/resolution`,
} as const;

/** The admin routes of members' whole life. */
export const memberPaths = {
  customers: '/v1/admin/customers',
  exportPattern: '/v1/admin/customers/:customerId/export',
  export: (customerId: string) => `/v1/admin/customers/${encodeURIComponent(customerId)}/export`,
  historyPattern: '/v1/admin/customers/:customerId/history',
  history: (customerId: string) => `/v1/admin/customers/${encodeURIComponent(customerId)}/history`,
  membershipEndPattern: '/v1/admin/customers/:customerId/membership/end',
  membershipEnd: (customerId: string) => `/v1/admin/customers/${encodeURIComponent(customerId)}/membership/end`,
  churn: '/v1/admin/members/churn',
  lapsed: '/v1/admin/members/lapsed',
  winBackPattern: '/v1/admin/customers/:customerId/win-back',
  winBack: (customerId: string) => `/v1/admin/customers/${encodeURIComponent(customerId)}/win-back`,
} as const;

/** The admin routes of webhook endpoints (secret key). */
export const webhookPaths = {
  endpoints: '/v1/admin/webhooks',
  endpointPattern: '/v1/admin/webhooks/:endpointId',
  endpoint: (endpointId: string) => `/v1/admin/webhooks/${encodeURIComponent(endpointId)}`,
  deliveriesPattern: '/v1/admin/webhooks/:endpointId/deliveries',
  deliveries: (endpointId: string) => `/v1/admin/webhooks/${encodeURIComponent(endpointId)}/deliveries`,
  retryPattern: '/v1/admin/webhooks/:endpointId/deliveries/:deliveryId/retry',
  retry: (endpointId: string, deliveryId: string) =>
    `/v1/admin/webhooks/${encodeURIComponent(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}/retry`,
} as const;

/** The merchant console's own routes (sign-in and its configuration) and the overview it shows. */
export const consolePaths = {
  session: '/console/api/session',
  config: '/console/api/config',
  overview: '/v1/admin/overview',
} as const;

/** The shopper's rewards and redemptions, and the merchant's catalogue. */
export const rewardPaths = {
  rewards: '/v1/me/rewards',
  redeemPattern: '/v1/me/rewards/:rewardId/redeem',
  redeem: (rewardId: string) => `/v1/me/rewards/${encodeURIComponent(rewardId)}/redeem`,
  catalogue: '/v1/admin/rewards',
  rewardPattern: '/v1/admin/rewards/:rewardId',
  reward: (rewardId: string) => `/v1/admin/rewards/${encodeURIComponent(rewardId)}`,
} as const;

/** The shopper's referral: their code, link and what it has earned them (customer token). */
export const referralPaths = {
  referral: '/v1/me/referral',
} as const;
