// No database, no Node: Storybook's survey fixtures are parsed with it too.
import * as z from 'zod/mini';
import { SurveyDraft } from '@loyalty-elements/contract';

z.config(z.locales.en());

/** A survey seed file: `{ "surveys": [ <survey draft>, … ] }`, each as `PUT /v1/admin/surveys/{id}` would publish it. */
const SurveySeed = z.strictObject({
  surveys: z.array(SurveyDraft).check(
    z.superRefine((surveys, ctx) => {
      const seen = new Set<string>();
      surveys.forEach((survey, index) => {
        if (seen.has(survey.id)) {
          ctx.addIssue({ code: 'custom', message: `Survey id "${survey.id}" is used twice.`, path: [index, 'id'] });
        }
        seen.add(survey.id);
      });
    }),
  ),
});

/** The surveys of a seed file's parsed JSON; throws naming the file and every field the contract refuses. */
export function parseSurveySeed(data: unknown, source: string): SurveyDraft[] {
  const result = z.safeParse(SurveySeed, data);
  if (result.success) return result.data.surveys;
  const fields = result.error.issues.map(
    (issue) => `${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`,
  );
  throw new Error(`The survey seed ${source} is invalid: ${fields.join('; ')}`);
}
