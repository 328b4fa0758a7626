// The schemas of the routes a signed-in shopper's browser calls (`/v1/program` and `/v1/me/*`), and of the API's
// errors: what the SDK's browser client checks requests and answers with. A bundle that imports them from here
// leaves out the modules of the merchant's routes.
export { BirthdayClaimResult, BirthdayRequest, BirthdayStatus } from './birthday.ts';
export { Problem } from './errors.ts';
export { PointsHistory, PointsHistoryQuery } from './points.ts';
export { Program } from './program.ts';
export { Referral } from './referrals.ts';
export { CustomerRewards, RedeemResult, RewardId } from './rewards.ts';
export { Summary } from './summary.ts';
export {
  EligibleSurvey,
  SurveyDismissal,
  SurveyDismissalRequest,
  SurveyResponse,
  SurveyResponseUpdate,
} from './survey-responses.ts';
export { SurveyTrigger } from './surveys.ts';
