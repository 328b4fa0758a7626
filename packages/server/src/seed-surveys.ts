import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SurveyDraft } from '@loyalty-elements/contract';
import type { Queryable } from './store/database.ts';
import { contentOf, findSurvey, publishSurveyIn } from './domain/surveys/definitions.ts';
import { parseSurveySeed } from './survey-seed.ts';

/** The demo program's surveys, shipped with the package. */
export const DEMO_SURVEYS_FILE = fileURLToPath(new URL('../seed/demo-surveys.json', import.meta.url));

/** The surveys of a seed file, checked against the contract; throws naming the file and the fields at fault. */
export async function readSurveySeed(file: string): Promise<SurveyDraft[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the survey seed ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`The survey seed ${file} is not JSON: ${(error as Error).message}`);
  }
  return parseSurveySeed(data, file);
}

/**
 * Publishes the seeded surveys the program does not have yet, and the completion reward of a seeded
 * survey still exactly as an earlier seed published it (without one) as its next version, keeping
 * its status, trigger, sampling and recontact. A restart or a merchant's edits are left alone.
 * Runs inside the demo seed's transaction.
 */
export async function seedDemoSurveys(
  tx: Queryable,
  programId: string,
  surveys: readonly SurveyDraft[],
  now: Date,
): Promise<void> {
  for (const draft of surveys) {
    const current = await findSurvey(tx, programId, draft.id);
    if (current === undefined) {
      await publishSurveyIn(tx, programId, draft, now);
    } else if (draft.completionReward !== undefined && (await isSeededWithoutReward(tx, programId, draft))) {
      const { trigger, status, samplingRate, recontactDays } = current;
      await publishSurveyIn(tx, programId, { ...draft, trigger, status, samplingRate, recontactDays }, now);
    }
  }
}

/**
 * Simplified Chinese texts of the seeded surveys that earlier seeds worded differently, by today's wording.
 * A survey an earlier seed published is recognised in either wording.
 */
const EARLIER_ZH_CN: Readonly<Record<string, string>> = {
  同意我们就本次反馈与您联系: '可以就此事联系我',
};

/** `draft` with its Simplified Chinese texts as earlier seeds worded them. */
function inEarlierWording(draft: SurveyDraft): SurveyDraft {
  return JSON.parse(JSON.stringify(draft), (key: string, value: unknown) =>
    key === 'zh-CN' && typeof value === 'string' ? (EARLIER_ZH_CN[value] ?? value) : value,
  ) as SurveyDraft;
}

/** Whether the survey's current version is `draft` as an earlier seed published it: without its reward. */
async function isSeededWithoutReward(tx: Queryable, programId: string, draft: SurveyDraft): Promise<boolean> {
  const { completionReward: _reward, ...earlier } = draft;
  const [row] = await tx.query<{ same: boolean }>(
    `SELECT v.content IN ($3::jsonb, $4::jsonb) AS same
       FROM surveys s
       JOIN survey_versions v ON v.program_id = s.program_id AND v.survey_id = s.id AND v.version = s.current_version
      WHERE s.program_id = $1 AND s.id = $2`,
    [programId, draft.id, JSON.stringify(contentOf(earlier)), JSON.stringify(contentOf(inEarlierWording(earlier)))],
  );
  return row?.same === true;
}
