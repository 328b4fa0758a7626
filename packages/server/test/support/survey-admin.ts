import assert from 'node:assert/strict';
import { AdminSurvey, surveyPaths, type SurveyDefinitionInput, type SurveyDraft } from '@loyalty-elements/contract';
import type { TestServer } from './server.ts';
import { parseExactly } from './http.ts';

/** A draft as the merchant sends it over the admin API: no id or status in the body, `active` instead. */
export function inputOf({ id: _id, status, ...draft }: SurveyDraft): SurveyDefinitionInput {
  return { ...draft, active: status === 'active' };
}

export function putSurvey(
  server: TestServer,
  surveyId: string,
  body: unknown,
  secretKey: string | null = server.config.demoSecretKey,
): Promise<Response> {
  return fetch(server.baseUrl + surveyPaths.adminSurvey(surveyId), {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/json',
      ...(secretKey === null ? {} : { Authorization: `Bearer ${secretKey}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** PUTs a definition and asserts the status and that the answer is exactly an admin survey. */
export async function defined(
  server: TestServer,
  surveyId: string,
  body: SurveyDefinitionInput,
  status: 200 | 201,
): Promise<AdminSurvey> {
  const res = await putSurvey(server, surveyId, body);
  const text = await res.text();
  assert.equal(res.status, status, text);
  return parseExactly(AdminSurvey, JSON.parse(text));
}
