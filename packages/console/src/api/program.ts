import {
  AdminSurvey,
  CREATE_ONLY_HEADERS,
  ProgramSettings,
  Reward,
  RewardCatalogue,
  SurveyList,
  programSettingsPath,
  rewardPaths,
  surveyPaths,
  type ProgramSettingsPatch,
  type RewardDraft,
  type SurveyDefinitionInput,
} from '@loyalty-elements/contract';
import { read, send } from './transport.ts';

/** What the Program page reads and changes: the settings, the reward catalogue and the surveys. */
export const programApi = {
  settings: () => read(ProgramSettings, programSettingsPath),
  /** Changes only the settings in `patch`; answers every setting as saved. */
  updateSettings: (patch: ProgramSettingsPatch) => send(ProgramSettings, programSettingsPath, 'PATCH', patch),
  rewards: () => read(RewardCatalogue, rewardPaths.catalogue),
  /**
   * Creates or replaces the reward; with `createOnly` only creates it (`If-None-Match: *`), and a reward that has
   * that id meanwhile is refused: ConsoleApiError 412 `reward_exists`.
   */
  saveReward: (rewardId: string, draft: RewardDraft, { createOnly = false } = {}) =>
    send(Reward, rewardPaths.reward(rewardId), 'PUT', draft, createOnly ? CREATE_ONLY_HEADERS : {}),
  surveys: () => read(SurveyList, surveyPaths.adminSurveys),
  survey: (surveyId: string) => read(AdminSurvey, surveyPaths.adminSurvey(surveyId)),
  /** Saves the survey; a change of its questions, title or reward publishes a new version. */
  saveSurvey: (surveyId: string, input: SurveyDefinitionInput) =>
    send(AdminSurvey, surveyPaths.adminSurvey(surveyId), 'PUT', input),
};
