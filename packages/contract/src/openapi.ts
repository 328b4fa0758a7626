import * as z from 'zod/mini';
import { BirthdayClaimResult, BirthdayRequest, BirthdayStatus } from './birthday.ts';
import { CustomerRecord, CustomerUpsertRequest, CustomerUpsertResult } from './customers.ts';
import { DemoCustomerToken } from './demo.ts';
import { PROBLEM_CODES, PROBLEM_CONTENT_TYPE, Problem, type ProblemCode } from './errors.ts';
import {
  IDEMPOTENCY_KEY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  PUBLISHABLE_KEY_QUERY,
  memberPaths,
  paths,
  surveyPaths,
} from './http.ts';
import {
  ChurnQuery,
  ChurnReport,
  CustomerExport,
  CustomerList,
  CustomerListQuery,
  CustomerProfile,
  MembershipEndRequest,
} from './members.ts';
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
import { FollowUpListQuery, FollowUpPage, SurveyResults, SurveyResultsQuery } from './survey-results.ts';
import { TransactionRequest, TransactionResult } from './transactions.ts';
import { OrderRecord, OrderRequest, OrderResult, RefundRequest, RefundResult, orderPaths } from './orders.ts';
import { CustomerRewards, RedeemResult, Reward, RewardCatalogue, RewardDraft, rewardPaths } from './rewards.ts';

/** Who may call an operation: a shopper's page, anyone with the publishable key, or the merchant's backend. */
type Auth = 'customer' | 'publishable' | 'secret' | 'demo';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono-style pattern (`:id`); turned into OpenAPI's `{id}`. */
  path: string;
  summary: string;
  auth: Auth;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  response: z.ZodMiniType;
  status?: number;
  /** The status of a replay that answers what the first request did, when it differs from `status`. */
  replayStatus?: number;
  /** Problems the operation answers besides the ones every route may (400, 401, 429, 503, …), by status. */
  problems?: Partial<Record<number, readonly ProblemCode[]>>;
  idempotent?: boolean;
  /** Other successful statuses, and the problem statuses the operation answers with, each with what it means. */
  otherStatuses?: Record<number, string>;
}

const SECRET_KEY_PROBLEMS = { 401: 'secret_key_invalid', 403: 'secret_key_in_browser' } as const;

/** Every operation of the API, with the contract's schemas for what goes in and comes out. */
export const OPERATIONS: Record<string, Operation> = {
  getProgram: {
    method: 'get',
    path: paths.program,
    summary: 'The program: points name, tiers, birthday reward',
    auth: 'publishable',
    response: Program,
  },
  getSummary: {
    method: 'get',
    path: paths.summary,
    summary: 'The signed-in customer: profile, points, tier and birthday in one response',
    auth: 'customer',
    response: Summary,
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
  },
  claimBirthday: {
    method: 'post',
    path: paths.birthdayClaim,
    summary: 'Claim this year’s birthday reward, once, inside the window',
    auth: 'customer',
    response: BirthdayClaimResult,
    idempotent: true,
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
  },
  getSurveyResponse: {
    method: 'get',
    path: surveyPaths.responsePattern,
    summary: 'Read back a response, e.g. to resume it after a reload',
    auth: 'customer',
    response: SurveyResponse,
  },
  dismissSurvey: {
    method: 'post',
    path: surveyPaths.dismissalsPattern,
    summary: 'Record that the shopper dismissed a survey',
    auth: 'customer',
    body: SurveyDismissalRequest,
    response: SurveyDismissal,
    status: 201,
  },
  getRewards: {
    method: 'get',
    path: rewardPaths.rewards,
    summary: 'Rewards on offer, what locks each (tier, stock, points), and the latest redemptions',
    auth: 'customer',
    response: CustomerRewards,
  },
  redeemReward: {
    method: 'post',
    path: rewardPaths.redeemPattern,
    summary: 'Spend points on a reward and get its code, once per idempotency key',
    auth: 'customer',
    response: RedeemResult,
    status: 201,
    idempotent: true,
  },
  upsertCustomer: {
    method: 'put',
    path: paths.customerPattern,
    summary: 'Create or update a customer',
    auth: 'secret',
    body: CustomerUpsertRequest,
    response: CustomerUpsertResult,
    otherStatuses: {
      201: 'Created',
      400: 'validation_failed',
      ...SECRET_KEY_PROBLEMS,
      409: 'customer_erased: the id belonged to a customer who was erased',
    },
  },
  getCustomer: {
    method: 'get',
    path: paths.customerPattern,
    summary: 'A customer’s profile: record, status, balance, tier and birthday',
    auth: 'secret',
    response: CustomerProfile,
    otherStatuses: { 400: 'validation_failed', ...SECRET_KEY_PROBLEMS, 404: 'customer_not_found' },
  },
  listCustomers: {
    method: 'get',
    path: memberPaths.customers,
    summary: 'Find customers by id, name or e-mail, by status, a cursor page at a time',
    auth: 'secret',
    query: CustomerListQuery,
    response: CustomerList,
    otherStatuses: { 400: 'validation_failed', ...SECRET_KEY_PROBLEMS },
  },
  exportCustomer: {
    method: 'get',
    path: memberPaths.exportPattern,
    summary: 'Everything stored about a customer, as a JSON attachment',
    auth: 'secret',
    response: CustomerExport,
    otherStatuses: { 400: 'validation_failed', ...SECRET_KEY_PROBLEMS, 404: 'customer_not_found' },
  },
  eraseCustomer: {
    method: 'delete',
    path: paths.customerPattern,
    summary: 'Erase a customer: personal data removed, the ledger kept anonymised; safe to repeat',
    auth: 'secret',
    response: CustomerRecord,
    otherStatuses: { 400: 'validation_failed', ...SECRET_KEY_PROBLEMS, 404: 'customer_not_found' },
  },
  endMembership: {
    method: 'post',
    path: memberPaths.membershipEndPattern,
    summary: 'End a membership, with the reason; a second call changes nothing',
    auth: 'secret',
    body: MembershipEndRequest,
    response: CustomerRecord,
    otherStatuses: {
      400: 'validation_failed',
      ...SECRET_KEY_PROBLEMS,
      404: 'customer_not_found',
      409: 'customer_erased',
    },
  },
  getChurn: {
    method: 'get',
    path: memberPaths.churn,
    summary: 'Members at the start of each month, joined, ended (by reason) and the churn rate',
    auth: 'secret',
    query: ChurnQuery,
    response: ChurnReport,
    otherStatuses: { 400: 'validation_failed', ...SECRET_KEY_PROBLEMS },
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
  },
  getSurveyResults: {
    method: 'get',
    path: surveyPaths.resultsPattern,
    summary: 'NPS, CSAT, CES and per-dimension results of a survey',
    auth: 'secret',
    query: SurveyResultsQuery,
    response: SurveyResults,
  },
  listFollowUps: {
    method: 'get',
    path: surveyPaths.followUps,
    summary: 'Service-recovery follow-ups raised by unhappy shoppers',
    auth: 'secret',
    query: FollowUpListQuery,
    response: FollowUpPage,
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
    summary: 'Create (201) or replace (200) a reward of the catalogue',
    auth: 'secret',
    body: RewardDraft,
    response: Reward,
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
  postOrder: {
    method: 'post',
    path: orderPaths.orders,
    summary: 'Record a paid order: credits its points, pending for the return window; once per orderId',
    auth: 'secret',
    body: OrderRequest,
    response: OrderResult,
    status: 201,
    replayStatus: 200,
    problems: { 404: ['customer_not_found'], 409: ['order_conflict'] },
  },
  getOrder: {
    method: 'get',
    path: orderPaths.orderPattern,
    summary: 'An order with its refunds and the points they took back',
    auth: 'secret',
    response: OrderRecord,
    problems: { 404: ['order_not_found'] },
  },
  postRefund: {
    method: 'post',
    path: orderPaths.refundsPattern,
    summary: 'Record a refund: takes back its share of the order’s points; once per refundId',
    auth: 'secret',
    body: RefundRequest,
    response: RefundResult,
    status: 201,
    replayStatus: 200,
    problems: { 404: ['order_not_found'], 409: ['refund_conflict', 'refund_exceeds_order'] },
  },
  postReversal: {
    method: 'post',
    path: orderPaths.reversalPattern,
    summary: 'Reverse one ledger entry, once: a credit’s points are taken back, a debit’s are given back',
    auth: 'secret',
    response: TransactionResult,
    status: 201,
    replayStatus: 200,
    problems: { 404: ['customer_not_found', 'entry_not_found'], 409: ['entry_not_reversible'] },
  },
  getDemoCustomerToken: {
    method: 'get',
    path: paths.demoCustomerToken,
    summary: 'Demo mode only: a customer token for a demo shopper',
    auth: 'demo',
    response: DemoCustomerToken,
  },
};

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** The operation's other statuses: a problem for 4xx and 5xx, the response schema for a success. */
function otherResponses(op: Operation): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(op.otherStatuses ?? {}).map(([status, description]) => [
      status,
      Number(status) < 400
        ? { description, content: { 'application/json': { schema: jsonSchema(op.response, 'output') } } }
        : { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } } },
    ]),
  );
}

const SECURITY: Record<Auth, Array<Record<string, string[]>>> = {
  customer: [{ publishableKey: [], customerToken: [] }],
  publishable: [{ publishableKey: [] }, { publishableKeyQuery: [] }],
  secret: [{ secretKey: [] }],
  demo: [],
};

function problemResponses(problems: Partial<Record<number, readonly ProblemCode[]>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(problems).map(([status, codes]) => [
      status,
      {
        description: `A problem with code ${(codes ?? []).join(' or ')}`,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    ]),
  );
}

/** The OpenAPI 3.1 document of the API, generated from the contract. */
export function buildOpenApiDocument(serverUrl?: string): JsonSchema {
  const pathsObject: Record<string, Record<string, unknown>> = {};
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
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
      }
    }
    if (op.idempotent) {
      parameters.push({
        name: IDEMPOTENCY_KEY_HEADER,
        in: 'header',
        required: true,
        schema: { type: 'string', maxLength: 255 },
      });
    }
    const success = { 'application/json': { schema: jsonSchema(op.response, 'output') } };
    const operation: Record<string, unknown> = {
      operationId,
      summary: op.summary,
      security: SECURITY[op.auth],
      parameters,
      responses: {
        [String(op.status ?? 200)]: { description: 'OK', content: success },
        ...(op.replayStatus === undefined
          ? {}
          : { [String(op.replayStatus)]: { description: 'A replay: the first answer again', content: success } }),
        ...problemResponses(op.problems ?? {}),
        ...otherResponses(op),
        default: {
          description: 'An error',
          content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    };
    if (op.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
      };
    }
    const openApiPath = op.path.replace(/:(\w+)/g, '{$1}');
    (pathsObject[openApiPath] ??= {})[op.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Loyalty Elements API',
      version: '1',
      description: `Errors are ${PROBLEM_CONTENT_TYPE} (RFC 9457) with a stable \`code\`: ${PROBLEM_CODES.join(', ')}.`,
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths: pathsObject,
    components: {
      schemas: { Problem: jsonSchema(Problem, 'output') },
      securitySchemes: {
        publishableKey: { type: 'apiKey', in: 'header', name: PUBLISHABLE_KEY_HEADER },
        publishableKeyQuery: {
          type: 'apiKey',
          in: 'query',
          name: PUBLISHABLE_KEY_QUERY,
          description: 'The publishable key in the URL instead: no CORS preflight.',
        },
        customerToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (HS256, aud = publishable key)' },
        secretKey: { type: 'http', scheme: 'bearer', description: 'The program’s secret key, sk_…' },
      },
    },
  };
}
