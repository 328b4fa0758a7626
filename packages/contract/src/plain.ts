// The contract without its schemas: routes, header and query names, limits, and the rules a survey's answers follow.
// Importing this builds no zod schema, so a widget can use these at load while the SDK builds the schemas of a
// route only when it first calls it.
//
// Every name is listed rather than re-exported with `export *`: esbuild drops the module's initialisation from a
// bundle that also loads these modules lazily (through the schemas) when a package free of side effects re-exports
// them with `*`, and the names would read as undefined.
export {
  API_VERSION_PREFIX,
  CUSTOMER_TOKEN_QUERY,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAY_HEADER,
  MAX_CUSTOMER_TOKEN_TTL_SECONDS,
  PUBLISHABLE_KEY_HEADER,
  PUBLISHABLE_KEY_QUERY,
  consolePaths,
  followUpPaths,
  memberPaths,
  paths,
  referralPaths,
  rewardPaths,
  surveyPaths,
  webhookPaths,
} from './http.ts';
export { POINTS_HISTORY_DEFAULT_LIMIT, POINTS_HISTORY_MAX_LIMIT } from './limits.ts';
export {
  FREE_TEXT_DEFAULT_MAX_LENGTH,
  OTHER_TEXT_MAX_LENGTH,
  SCALE_RANGES,
  chosenOptions,
  isAnswered,
  npsGroup,
  questionVisible,
  visibleAnswers,
  type NpsGroup,
  type ScaleKind,
} from './survey-answers.ts';
