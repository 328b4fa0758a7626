import { surveyPaths } from './http.ts';
import type { Operation } from './openapi-operation.ts';
import { AdminSurvey, SurveyDefinitionInput, SurveyList } from './survey-admin.ts';

/** The merchant's survey definitions (secret key). */
export const SURVEY_ADMIN_OPERATIONS: Record<string, Operation> = {
  listSurveys: {
    method: 'get',
    path: surveyPaths.adminSurveys,
    summary: 'Every survey of the program: status, trigger, current version, title and response counts',
    auth: 'secret',
    response: SurveyList,
  },
  getSurvey: {
    method: 'get',
    path: surveyPaths.adminSurveyPattern,
    summary: 'A survey’s current definition, with its version and whether it is offered',
    auth: 'secret',
    response: AdminSurvey,
    problems: { 404: ['survey_not_found'] },
  },
  putSurvey: {
    method: 'put',
    path: surveyPaths.adminSurveyPattern,
    summary:
      'Define a survey: creates it (201, version 1); changed content publishes the next version (200); settings ' +
      'alone or the same definition keep the version (200)',
    auth: 'secret',
    body: SurveyDefinitionInput,
    response: AdminSurvey,
    otherStatuses: [201],
  },
};
