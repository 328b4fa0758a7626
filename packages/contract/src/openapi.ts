import { BirthdayClaimResult, BirthdayRequest, BirthdayStatus } from './birthday.ts';
import { CustomerUpsertRequest, CustomerUpsertResult } from './customers.ts';
import { DemoCustomerToken, DemoCustomerTokenQuery } from './demo.ts';
import { PROBLEM_CODES, PROBLEM_CONTENT_TYPE } from './errors.ts';
import { ifNoneMatchParameter, responsesOf, type Auth, type Operation } from './openapi-operation.ts';
import { jsonSchema, queryParameterSchema, SchemaComponents, type JsonSchema } from './openapi-schemas.ts';
import { webhooksObject } from './openapi-webhook-events.ts';
import { CONSOLE_OPERATIONS } from './openapi-console.ts';
import { FOLLOW_UP_OPERATIONS } from './openapi-follow-ups.ts';
import { MEMBER_OPERATIONS } from './openapi-members.ts';
import { WIN_BACK_OPERATIONS } from './openapi-win-backs.ts';
import { ORDER_OPERATIONS } from './openapi-orders.ts';
import { SERVICE_OPERATIONS } from './openapi-service.ts';
import { SURVEY_ADMIN_OPERATIONS } from './openapi-survey-admin.ts';
import { SURVEY_FEEDBACK_OPERATIONS } from './openapi-survey-feedback.ts';
import { WEBHOOK_OPERATIONS } from './openapi-webhooks.ts';
import { CONSOLE_REQUEST_HEADER, CONSOLE_SESSION_COOKIE } from './console.ts';
import {
  consolePaths,
  IDEMPOTENCY_KEY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  PUBLISHABLE_KEY_QUERY,
  CUSTOMER_TOKEN_QUERY,
  paths,
  referralPaths,
  rewardPaths,
  surveyPaths,
} from './http.ts';
import { PointsHistory, PointsHistoryQuery } from './points.ts';
import { Program } from './program.ts';
import { ProgramSettings, ProgramSettingsPatch, programSettingsPath } from './program-settings.ts';
import { Summary } from './summary.ts';
import {
  EligibleSurvey,
  EligibleSurveyQuery,
  SurveyDismissal,
  SurveyDismissalRequest,
  SurveyResponse,
  SurveyResponseUpdate,
} from './survey-responses.ts';
import { SurveyResults, SurveyResultsQuery } from './survey-results.ts';
import { TransactionRequest, TransactionResult } from './transactions.ts';
import { Referral } from './referrals.ts';
import { CustomerRewards, RedeemResult, Reward, RewardCatalogue, RewardDraft } from './rewards.ts';

/** Every operation of the API, with the contract's schemas for what goes in and comes out. */
export const OPERATIONS: Record<string, Operation> = {
  getProgram: {
    method: 'get',
    path: paths.program,
    summary: 'The program: points name, tiers, birthday reward',
    auth: 'publishable',
    response: Program,
    otherStatuses: [304],
  },
  getSummary: {
    method: 'get',
    path: paths.summary,
    summary: 'The signed-in customer: profile, points, tier and birthday in one response',
    auth: 'customer',
    response: Summary,
    otherStatuses: [304],
  },
  getPointsHistory: {
    method: 'get',
    path: paths.pointsHistory,
    summary: 'Ledger entries, newest first, a cursor page at a time',
    auth: 'customer',
    query: PointsHistoryQuery,
    response: PointsHistory,
  },
  putBirthday: {
    method: 'put',
    path: paths.birthday,
    summary: 'Set the customer’s birthday (Gregorian or Chinese lunar)',
    auth: 'customer',
    body: BirthdayRequest,
    response: BirthdayStatus,
    problems: { 409: ['birthday_change_limited'] },
  },
  claimBirthday: {
    method: 'post',
    path: paths.birthdayClaim,
    summary: 'Claim this year’s birthday reward, once, inside the window',
    auth: 'customer',
    response: BirthdayClaimResult,
    status: 201,
    idempotent: true,
    problems: {
      409: [
        'birthday_reward_unavailable',
        'birthday_not_set',
        'birthday_outside_window',
        'birthday_already_claimed',
        'birthday_recently_set',
        'membership_ended',
      ],
      422: ['idempotency_key_reused'],
    },
  },
  getEligibleSurvey: {
    method: 'get',
    path: surveyPaths.eligible,
    summary: 'The one survey to show for a trigger, if any',
    auth: 'customer',
    query: EligibleSurveyQuery,
    response: EligibleSurvey,
  },
  putSurveyResponse: {
    method: 'put',
    path: surveyPaths.responsePattern,
    summary: 'Save answers as they are given; safe to repeat',
    auth: 'customer',
    body: SurveyResponseUpdate,
    response: SurveyResponse,
    otherStatuses: [201],
    problems: {
      404: ['survey_not_found', 'response_not_found'],
      409: ['survey_not_active', 'survey_version_mismatch', 'survey_not_due', 'response_completed'],
    },
  },
  getSurveyResponse: {
    method: 'get',
    path: surveyPaths.responsePattern,
    summary: 'Read back a response, e.g. to resume it after a reload',
    auth: 'customer',
    response: SurveyResponse,
    problems: { 404: ['response_not_found'] },
  },
  dismissSurvey: {
    method: 'post',
    path: surveyPaths.dismissalsPattern,
    summary: 'Record that the shopper dismissed a survey',
    auth: 'customer',
    body: SurveyDismissalRequest,
    response: SurveyDismissal,
    status: 201,
    idempotent: 'optional',
    problems: { 404: ['survey_not_found'], 422: ['idempotency_key_reused'] },
  },
  getRewards: {
    method: 'get',
    path: rewardPaths.rewards,
    summary: 'Rewards on offer, what locks each (tier, stock, points), and the latest redemptions',
    auth: 'customer',
    response: CustomerRewards,
    otherStatuses: [304],
  },
  getReferral: {
    method: 'get',
    path: referralPaths.referral,
    summary: 'The shopper’s referral code and link, what each side gets, friends joined and points earned',
    auth: 'customer',
    response: Referral,
    otherStatuses: [304],
  },
  redeemReward: {
    method: 'post',
    path: rewardPaths.redeemPattern,
    summary: 'Spend points on a reward and get its code, once per idempotency key',
    auth: 'customer',
    response: RedeemResult,
    status: 201,
    idempotent: true,
    problems: {
      404: ['reward_not_found'],
      409: [
        'reward_unavailable',
        'reward_tier_required',
        'reward_out_of_stock',
        'insufficient_points',
        'membership_ended',
      ],
      422: ['idempotency_key_reused'],
    },
  },
  upsertCustomer: {
    method: 'put',
    path: paths.customerPattern,
    summary: 'Create or update a customer',
    auth: 'secret',
    body: CustomerUpsertRequest,
    response: CustomerUpsertResult,
    otherStatuses: [201],
    problems: { 409: ['customer_erased'] },
  },
  postTransaction: {
    method: 'post',
    path: paths.customerTransactionsPattern,
    summary: 'Post an earn, redeem or adjustment to a customer’s ledger',
    auth: 'secret',
    body: TransactionRequest,
    response: TransactionResult,
    status: 201,
    idempotent: true,
    problems: {
      404: ['customer_not_found'],
      409: ['insufficient_points', 'membership_ended', 'customer_erased'],
      422: ['currency_mismatch', 'idempotency_key_reused'],
    },
  },
  getSurveyResults: {
    method: 'get',
    path: surveyPaths.resultsPattern,
    summary: 'NPS, CSAT, CES and per-dimension results of a survey',
    auth: 'secret',
    query: SurveyResultsQuery,
    response: SurveyResults,
    problems: { 404: ['survey_not_found'] },
  },
  listRewardCatalogue: {
    method: 'get',
    path: rewardPaths.catalogue,
    summary: 'The rewards catalogue, active or not, with how many of each were redeemed',
    auth: 'secret',
    response: RewardCatalogue,
  },
  putReward: {
    method: 'put',
    path: rewardPaths.rewardPattern,
    summary: 'Create (201) or replace (200) a reward of the catalogue; with If-None-Match: * create only (else 412)',
    auth: 'secret',
    body: RewardDraft,
    response: Reward,
    otherStatuses: [201],
    createOnly: true,
    problems: { 412: ['reward_exists'] },
  },
  getProgramSettings: {
    method: 'get',
    path: programSettingsPath,
    summary: 'Every setting of the program: tiers, earning, expiry, birthday reward, welcome bonus',
    auth: 'secret',
    response: ProgramSettings,
  },
  patchProgramSettings: {
    method: 'patch',
    path: programSettingsPath,
    summary: 'Change some settings of the program; the change shows at once in GET /v1/program and every summary',
    auth: 'secret',
    body: ProgramSettingsPatch,
    response: ProgramSettings,
  },
  getDemoCustomerToken: {
    method: 'get',
    path: paths.demoCustomerToken,
    summary: 'Demo mode only: a customer token for a demo shopper',
    auth: 'demo',
    query: DemoCustomerTokenQuery,
    response: DemoCustomerToken,
    problems: { 400: ['validation_failed'], 404: ['not_found', 'customer_not_found'] },
  },
  ...ORDER_OPERATIONS,
  ...MEMBER_OPERATIONS,
  ...WIN_BACK_OPERATIONS,
  ...FOLLOW_UP_OPERATIONS,
  ...SURVEY_ADMIN_OPERATIONS,
  ...SURVEY_FEEDBACK_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
  ...CONSOLE_OPERATIONS,
  ...SERVICE_OPERATIONS,
};

const SECURITY: Record<Auth, Array<Record<string, string[]>>> = {
  customer: [{ publishableKey: [], customerToken: [] }],
  publishable: [{ publishableKey: [] }, { publishableKeyQuery: [] }],
  secret: [{ secretKey: [] }, { consoleSession: [] }],
  console: [{ consoleSession: [] }],
  demo: [],
  none: [],
};

/** A customer GET may carry both credentials in its URL instead: no CORS preflight. */
const CUSTOMER_GET_SECURITY = [...SECURITY.customer, { publishableKeyQuery: [], customerTokenQuery: [] }];

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The OpenAPI 3.1 document of the API, generated from the contract. */
export function buildOpenApiDocument(serverUrl = '/'): JsonSchema {
  const pathsObject: Record<string, Record<string, unknown>> = {};
  const components = new SchemaComponents();
  for (const [operationId, op] of Object.entries(OPERATIONS)) {
    const pathParams = [...op.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
    const parameters: unknown[] = pathParams.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (op.query) {
      const query = jsonSchema(op.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({
          name,
          in: 'query',
          required: query.required?.includes(name) ?? false,
          schema: queryParameterSchema(schema as JsonSchema),
        });
      }
    }
    const ifNoneMatch = ifNoneMatchParameter(op);
    if (ifNoneMatch) parameters.push(ifNoneMatch);
    if (op.idempotent) {
      parameters.push({
        name: IDEMPOTENCY_KEY_HEADER,
        in: 'header',
        required: op.idempotent === true,
        schema: { type: 'string', maxLength: 255 },
      });
    }
    const operation: Record<string, unknown> = {
      operationId,
      summary: op.summary,
      security: op.auth === 'customer' && op.method === 'get' ? CUSTOMER_GET_SECURITY : SECURITY[op.auth],
      parameters,
      responses: responsesOf(op, (schema) => components.ref(schema, 'output', `${capitalize(operationId)}Response`)),
    };
    if (op.body) {
      const schema = components.ref(op.body, 'input', `${capitalize(operationId)}Request`);
      operation.requestBody = { required: true, content: { 'application/json': { schema } } };
    }
    const openApiPath = op.path.replace(/:(\w+)/g, '{$1}');
    (pathsObject[openApiPath] ??= {})[op.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Loyalty Elements API',
      version: '1',
      license: { name: 'MIT', identifier: 'MIT' },
      description: `Errors are ${PROBLEM_CONTENT_TYPE} (RFC 9457) with a stable \`code\`: ${PROBLEM_CODES.join(', ')}.`,
    },
    // `/`: the API is where this document is served (`GET /openapi.json`); the demo's is http://localhost:8787.
    servers: [{ url: serverUrl }],
    paths: pathsObject,
    webhooks: webhooksObject(),
    components: {
      schemas: components.schemas,
      securitySchemes: {
        publishableKey: { type: 'apiKey', in: 'header', name: PUBLISHABLE_KEY_HEADER },
        publishableKeyQuery: {
          type: 'apiKey',
          in: 'query',
          name: PUBLISHABLE_KEY_QUERY,
          description: 'The publishable key in the URL instead: no CORS preflight.',
        },
        customerToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (HS256, aud = publishable key)' },
        customerTokenQuery: {
          type: 'apiKey',
          in: 'query',
          name: CUSTOMER_TOKEN_QUERY,
          description: 'The customer token in the URL instead (RFC 6750 §2.3), on GETs only: no CORS preflight.',
        },
        secretKey: { type: 'http', scheme: 'bearer', description: 'The program’s secret key, sk_…' },
        consoleSession: {
          type: 'apiKey',
          in: 'cookie',
          name: CONSOLE_SESSION_COOKIE,
          description: `The console's session (POST ${consolePaths.session}); a request that changes something also sends ${CONSOLE_REQUEST_HEADER}: 1 and its own Origin`,
        },
      },
    },
  };
}
