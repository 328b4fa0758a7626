import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import {
  EligibleSurveyQuery,
  SurveyDismissalRequest,
  SurveyId,
  SurveyResponseUpdate,
  surveyPaths,
  type IneligibleReason,
  type SurveyResponse,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import type { AuthenticatedCustomer } from '../auth.ts';
import { recordDismissal } from '../domain/surveys/dismissals.ts';
import { eligibleSurvey } from '../domain/surveys/eligibility.ts';
import { findResponse, saveResponse } from '../domain/surveys/responses.ts';
import { ProblemError, validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { createdOrReplayed, optionalIdempotencyKey, signedInCustomer as signedInMember } from './request.ts';

const ResponseId = z.uuid();

/** The signed-in customer's surveys: what to ask now, their responses, their dismissals. */
export function surveysRoute(app: Hono, context: AppContext): void {
  const { db } = context;

  app.get(surveyPaths.eligible, async (c) => {
    const { program, customerId } = await signedInCustomer(c, context);
    const { trigger } = parseOrThrow(EligibleSurveyQuery, { trigger: c.req.query('trigger') }, 'query');
    const asked = await context.settings.surveysOf(db, program);
    const eligible = await eligibleSurvey(
      db,
      { programId: program.id, customerId, trigger, now: context.now() },
      asked,
    );
    c.header('Cache-Control', 'private, no-store');
    return c.json(eligible);
  });

  app.get(surveyPaths.responsePattern, async (c) => {
    const { program, customerId } = await signedInCustomer(c, context);
    const responseId = parseOrThrow(ResponseId, c.req.param('responseId'), 'path.responseId');
    const response = await findResponse(db, program.id, customerId, responseId);
    if (response === undefined) throw responseNotFound(responseId);
    return respond(c, response, 200);
  });

  app.put(surveyPaths.responsePattern, async (c) => {
    const { program, customerId } = await signedInCustomer(c, context);
    const responseId = parseOrThrow(ResponseId, c.req.param('responseId'), 'path.responseId');
    const update = parseOrThrow(SurveyResponseUpdate, await readJson(c), 'body');

    const outcome = await saveResponse(db, { program, customerId, responseId, update, now: context.now() });
    switch (outcome.kind) {
      case 'saved':
        return respond(c, outcome.response, outcome.created ? 201 : 200);
      case 'unchanged':
        return respond(c, outcome.response, 200);
      case 'response_not_found':
        throw responseNotFound(responseId);
      case 'version_mismatch':
        throw new ProblemError(
          409,
          'survey_version_mismatch',
          `Response ${responseId} belongs to survey "${outcome.response.surveyId}" version ${outcome.response.version}.`,
        );
      case 'completed':
        throw new ProblemError(
          409,
          'response_completed',
          `Response ${responseId} is complete and can no longer change.`,
        );
      case 'survey_not_found':
        throw new ProblemError(404, 'survey_not_found', outcome.detail);
      case 'survey_not_active':
        throw new ProblemError(
          409,
          'survey_not_active',
          `Survey "${update.surveyId}" is ${outcome.status}: it takes no new responses.`,
        );
      case 'survey_not_due':
        throw new ProblemError(409, 'survey_not_due', notDueDetail(update.surveyId, outcome.reason));
      case 'invalid':
        throw validationFailed(outcome.errors);
    }
  });

  app.post(surveyPaths.dismissalsPattern, async (c) => {
    const { program, customerId } = await signedInCustomer(c, context);
    const surveyId = parseOrThrow(SurveyId, c.req.param('surveyId'), 'path.surveyId');
    const text = await c.req.text();
    const request = parseOrThrow(SurveyDismissalRequest, text.trim() === '' ? {} : parseJson(text), 'body');
    const outcome = await recordDismissal(db, {
      programId: program.id,
      customerId,
      surveyId,
      request,
      idempotencyKey: optionalIdempotencyKey(c),
      now: context.now(),
    });
    if (outcome.kind === 'survey_not_found') throw new ProblemError(404, 'survey_not_found', outcome.detail);
    if (outcome.kind === 'idempotency_key_reused') {
      throw new ProblemError(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was already used for another dismissal; send a new key for a new request.',
      );
    }
    return createdOrReplayed(c, outcome);
  });
}

/** The token's customer, who must exist in the program and not be erased (as for the summary). */
async function signedInCustomer(c: Context, context: AppContext): Promise<AuthenticatedCustomer> {
  const { program, customer } = await signedInMember(c, context);
  return { program, customerId: customer.id };
}

function respond(c: Context, response: SurveyResponse, status: 200 | 201): Response {
  c.header('Cache-Control', 'private, no-store');
  return c.json(response, status);
}

function notDueDetail(surveyId: string, reason: IneligibleReason): string {
  const why: Record<IneligibleReason, string> = {
    no_survey: 'it is not offered',
    not_sampled: 'you are outside its sample',
    recontact: 'you answered or dismissed it recently',
    cooldown: 'you answered a survey recently',
  };
  return `Survey "${surveyId}" is not due for you now (${why[reason]}): it takes no new response.`;
}

function responseNotFound(responseId: string): ProblemError {
  return new ProblemError(404, 'response_not_found', `You have no survey response ${responseId}.`);
}

async function readJson(c: Context): Promise<unknown> {
  return parseJson(await c.req.text());
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationFailed([{ path: 'body', message: 'The body must be a JSON document.' }]);
  }
}
