// The fake loyalty API the stories talk to: real SDK clients send real requests to
// FAKE_API_ORIGIN, and Mock Service Worker (set up in .storybook/preview.ts) answers them from the
// fixtures. No server needed, and every answer is the same on every machine.
//
// Each scenario has its own path prefix (`https://loyalty-api.example/<scenario>/v1/me/summary`),
// so stories shown together on one docs page never fight over a single set of handlers.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  PROBLEM_CONTENT_TYPE,
  paths,
  referralPaths,
  rewardPaths,
  surveyPaths,
  type BirthdayRequest,
  type BirthdayStatus,
  type CustomerRewards,
  type Problem,
  type Program,
  type RedeemResult,
  type Summary,
  type SurveyDefinition,
  type SurveyDismissal,
  type SurveyResponse,
  type SurveyResponseUpdate,
} from '@loyalty-elements/contract';
import { MemoryOutboxStorage, createLoyaltyClient, type LoyaltyClient } from '@loyalty-elements/sdk';
import { birthdays, problems, programs, rewardSurveys, summaries, surveys } from '../fixtures.ts';
import { customerRewards, refusals } from '../rewards-fixtures.ts';
import { emptyHistory, historyPage, linMeiLedger } from '../points-history-fixtures.ts';
import { waysToEarnScenarios } from '../ways-to-earn-fixtures.ts';
import { referral, referralScenarios } from '../referral-fixtures.ts';

/** `.example` never resolves: a request MSW does not answer fails loudly instead of leaving. */
export const FAKE_API_ORIGIN = 'https://loyalty-api.example';
/**
 * Scenarios that fail on purpose live on their own host: the browser logs their failed requests
 * ("Failed to load resource: … 500"), and `npm test -- storybook` knows those logs are the point.
 */
export const FAILING_API_ORIGIN = 'https://expected-failures.loyalty-api.example';
const FAKE_API_HOST = new URL(FAKE_API_ORIGIN).host;
export const FAKE_PUBLISHABLE_KEY = 'pk_storybook_fake';
const FAKE_CUSTOMER_TOKEN = 'storybook.fake.customer-token';

type Answer = () => Response | Promise<Response>;

export interface Scenario {
  /** A short label for the Controls panel. */
  label: string;
  /** How the fake API answers `GET /v1/me/summary`. Leave out when no request should be made. */
  summary?: Answer;
  /** How the fake API answers `GET /v1/program`. Default: the demo program. */
  program?: Answer;
  /** `false`: a guest; the client has no customer token (and never calls the API). */
  signedIn?: boolean;
  /** `false`: no client at all, as on a page that never configured one. */
  connected?: boolean;
  /** The client's request timeout (the SDK's default is 10 s). */
  timeoutMs?: number;
  /** The request fails on purpose (served from FAILING_API_ORIGIN). */
  failsOnPurpose?: boolean;
  /** How the fake API answers `PUT /v1/me/birthday`. */
  setBirthday?: (request: Request) => Response | Promise<Response>;
  /** How the fake API answers `POST /v1/me/birthday/claim`. */
  claim?: Answer;
  /** How the fake API answers `GET /v1/me/surveys/eligible`. */
  eligibleSurvey?: Answer;
  /** How the fake API answers `PUT /v1/me/surveys/responses/{responseId}`. */
  saveSurveyResponse?: (request: Request, responseId: string) => Response | Promise<Response>;
  /** How the fake API answers `POST /v1/me/surveys/{surveyId}/dismissals`. */
  dismissSurvey?: (surveyId: string) => Response | Promise<Response>;
  /** How the fake API answers `GET /v1/me/rewards`. Default: the summary's failure, if it fails. */
  rewards?: Answer;
  /** How the fake API answers `GET /v1/me/referral`. Default: Lin Mei's referral, or the summary's failure. */
  referral?: Answer;
  /** How the fake API answers `GET /v1/me/points/history`. Default: the summary's failure, if it fails. */
  history?: (cursor: string | null, limit: number) => Response | Promise<Response>;
  /** How the fake API answers `POST /v1/me/rewards/{rewardId}/redeem`. */
  redeem?: (rewardId: string) => Response | Promise<Response>;
  /** Forgets what the scenario remembers (a saved birthday, a claim): see `resetScenario`. */
  reset?: () => void;
}

const json =
  (body: Summary | Program): Answer =>
  () =>
    HttpResponse.json(body);
const problem =
  (body: Problem): Answer =>
  () =>
    HttpResponse.json(body, { status: body.status, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } });
const never: Answer = async () => {
  await delay('infinite');
  return new HttpResponse(null, { status: 204 });
};

/** The fake API's "today" for birthdays (Asia/Shanghai), like the fixtures'. */
const FAKE_TODAY = Date.UTC(2026, 10, 25);
const DAY_MS = 24 * 60 * 60 * 1000;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The demo program's notice: a birthday the shopper saves pays only from a window at least this many days away. */
const NOTICE_DAYS = 30;

/**
 * Where a birthday the shopper saves on FAKE_TODAY stands, with a ±7-day window and the 30-day notice
 * (a window opening sooner pays nothing: the first gift comes with a later birthday). Gregorian dates
 * are exact (29 February falls on 28 February in common years). The fake API knows no lunar calendar: it
 * places a lunar birthday a month after the same Gregorian date (农历八月十五 → 15 September), close
 * enough for a story.
 */
function fakeStanding(birthday: BirthdayRequest): Omit<BirthdayStatus, 'month' | 'day' | 'calendar'> {
  const lunar = birthday.calendar === 'chinese-lunar';
  const month = lunar ? (birthday.month % 12) + 1 : birthday.month;
  const celebrations = [2025, 2026, 2027, 2028].map((year) => {
    const leap = year % 4 === 0;
    const day = month === 2 && birthday.day > 28 && !leap ? 28 : Math.min(birthday.day, lunar ? 28 : 31);
    return Date.UTC(year, month - 1, day);
  });
  const inWindow = celebrations.some((time) => Math.abs(time - FAKE_TODAY) <= 7 * DAY_MS);
  const next = celebrations.find((time) => time >= FAKE_TODAY) ?? celebrations[3]!;
  const opensIn = (time: number) => (time - 7 * DAY_MS - FAKE_TODAY) / DAY_MS;
  const atHand = celebrations.find((time) => time + 7 * DAY_MS >= FAKE_TODAY) ?? next;
  const firstPaying = opensIn(atHand) < NOTICE_DAYS ? celebrations.find((time) => opensIn(time) >= NOTICE_DAYS) : null;
  return {
    inWindow,
    claimable: inWindow && !firstPaying,
    claimedThisYear: false,
    nextBirthday: isoDate(next),
    firstRewardBirthday: firstPaying ? isoDate(firstPaying) : null,
  };
}

/**
 * A birthday scenario's answers: it remembers, while the page is open, the birthday saved and the
 * reward claimed, so a story can go from the invitation to the greeting, or from the greeting to
 * "200 points added". `save`: how `PUT /v1/me/birthday` goes.
 */
function birthdayDesk(
  start: Summary,
  { save = 'ok', heldBack }: { save?: 'ok' | 'offline' | 'refused'; heldBack?: Summary } = {},
): Pick<Scenario, 'summary' | 'setBirthday' | 'claim' | 'reset'> {
  let current = start;
  return {
    reset: () => (current = start),
    summary: () => HttpResponse.json(current),
    setBirthday: async (request) => {
      if (save === 'offline') return HttpResponse.error();
      if (save === 'refused') return problem(birthdays.changeLimited)();
      const birthday = (await request.json()) as BirthdayRequest;
      const status: BirthdayStatus = { ...birthday, ...fakeStanding(birthday) };
      current = { ...current, birthday: status };
      return HttpResponse.json(status);
    },
    claim: () => {
      if (heldBack) {
        // The page's summary was behind: the claim is refused, and the summary now says when the gift comes.
        current = heldBack;
        return problem(birthdays.recentlySetRefusal)();
      }
      if (current.birthday?.firstRewardBirthday) return problem(birthdays.recentlySetRefusal)();
      if (!current.birthday?.claimable) return problem(birthdays.outsideWindow)();
      const balance = current.points.balance + birthdays.claimResult.entry.points;
      current = {
        ...current,
        points: { ...current.points, balance },
        birthday: { ...current.birthday, claimable: false, claimedThisYear: true },
      };
      const { entry } = birthdays.claimResult;
      return HttpResponse.json(
        { ...birthdays.claimResult, balance, entry: { ...entry, balanceAfter: balance } },
        {
          status: 201,
        },
      );
    },
  };
}

/** The scenarios of `<loyalty-birthday-greeting>`. */
const birthdayScenarios = {
  'birthday-unknown': { label: 'Birthday unknown (Sam Lee): saving works', ...birthdayDesk(summaries.samLee) },
  'birthday-today': { label: 'Birthday today (Lin Mei): 200 points to claim', ...birthdayDesk(birthdays.inWindow) },
  'birthday-claimed': { label: 'Birthday today, reward already claimed', ...birthdayDesk(birthdays.claimed) },
  'birthday-lunar': { label: 'Birthday 农历八月十五: outside the window', ...birthdayDesk(summaries.linMei) },
  'birthday-leap-day': { label: 'Birthday 29 February: next on 28 February', ...birthdayDesk(birthdays.leapDay) },
  'birthday-recently-set': {
    label: 'Birthday today, set just now: the first gift comes next year',
    ...birthdayDesk(birthdays.recentlySet),
  },
  'birthday-recently-set-soon': {
    label: 'Birthday in ten days, set just now: the first gift comes next year',
    ...birthdayDesk(birthdays.recentlySetSoon),
  },
  'birthday-recently-set-refused': {
    label: 'Birthday today: the claim is refused (409 birthday_recently_set)',
    ...birthdayDesk(birthdays.inWindow, { heldBack: birthdays.recentlySet }),
    failsOnPurpose: true,
  },
  'birthday-offline': {
    label: 'Birthday unknown: saving while offline',
    ...birthdayDesk(summaries.samLee, { save: 'offline' }),
    failsOnPurpose: true,
  },
  'birthday-refused': {
    label: 'Birthday unknown: the save is refused (409)',
    ...birthdayDesk(summaries.samLee, { save: 'refused' }),
    failsOnPurpose: true,
  },
} satisfies Record<string, Scenario>;

/**
 * A survey scenario's answers: `survey` is eligible, and every write is answered as the API would
 * (or, with `save: 'offline'`, fails as if the network were down; with `save: 'not_due'`, is refused
 * with 409 `survey_not_due`, as when another tab answered the survey first).
 */
function surveyDesk(
  survey: SurveyDefinition,
  { save = 'ok' }: { save?: 'ok' | 'offline' | 'not_due' } = {},
): Pick<Scenario, 'summary' | 'eligibleSurvey' | 'saveSurveyResponse' | 'dismissSurvey'> {
  return {
    // The widget asks for its survey when the summary lists its trigger; a completed response makes the SDK
    // read the summary again (the survey may have earned points).
    summary: json({ ...summaries.linMei, surveysDue: [survey.trigger] }),
    eligibleSurvey: () => HttpResponse.json({ survey }),
    saveSurveyResponse: async (request, responseId) => {
      if (save === 'offline') return HttpResponse.error();
      if (save === 'not_due') return problem(problems.surveyNotDue)();
      const update = (await request.json()) as SurveyResponseUpdate;
      const now = new Date().toISOString();
      const response: SurveyResponse = {
        id: responseId,
        surveyId: update.surveyId,
        version: update.version,
        sequence: update.sequence,
        answers: update.answers,
        contactConsent: update.contactConsent ?? false,
        status: update.complete ? 'complete' : 'partial',
        createdAt: now,
        updatedAt: now,
        completedAt: update.complete ? now : null,
        pointsAwarded: update.complete ? (survey.completionReward ?? null) : null,
      };
      return HttpResponse.json(response);
    },
    dismissSurvey: (surveyId) => {
      const dismissal: SurveyDismissal = { surveyId, version: survey.version, dismissedAt: new Date().toISOString() };
      return HttpResponse.json(dismissal, { status: 201 });
    },
  };
}

/** The scenarios of `<loyalty-satisfaction-survey>`. */
const surveyScenarios = {
  'survey-nps': {
    label: 'Survey after an order: NPS (detractors are asked more)',
    ...surveyDesk(surveys.postPurchase),
  },
  'survey-csat': {
    label: 'Survey on the account page: CSAT stars, CES, service quality',
    ...surveyDesk(surveys.accountCsat),
  },
  'survey-delivery': {
    label: 'Survey after delivery: faces, single choice, free text',
    ...surveyDesk(surveys.delivery),
  },
  'survey-offline': {
    label: 'Survey after an order, answered offline',
    ...surveyDesk(surveys.postPurchase, { save: 'offline' }),
    failsOnPurpose: true,
  },
  'survey-reward': {
    label: 'Survey after an order that earns 50 points',
    ...surveyDesk(rewardSurveys.postPurchase),
  },
  'survey-reward-offline': {
    label: 'Survey that earns 50 points, answered offline',
    ...surveyDesk(rewardSurveys.postPurchase, { save: 'offline' }),
    failsOnPurpose: true,
  },
  'survey-closed': {
    label: 'Survey answered in another tab meanwhile: the answer is refused (409 survey_not_due)',
    ...surveyDesk(rewardSurveys.postPurchase, { save: 'not_due' }),
    failsOnPurpose: true,
  },
  'survey-exit': {
    label: 'Exit survey: why the shopper leaves the program',
    ...surveyDesk(rewardSurveys.programExit),
  },
} satisfies Record<string, Scenario>;

/**
 * A rewards scenario's answers: it remembers, while the page is open, what was redeemed, so a story
 * can go from the catalogue to an issued code, and the balance (the summary's too) drops. `redeem`:
 * how `POST /v1/me/rewards/{rewardId}/redeem` goes: issued, refused with a problem (after which the
 * list reads as `after` says), failed as if the network were down, or never answered.
 */
function rewardsDesk(
  start: CustomerRewards,
  {
    redeem = 'ok',
    after,
  }: { redeem?: 'ok' | 'offline' | 'pending' | Problem; after?: (rewards: CustomerRewards) => CustomerRewards } = {},
): Pick<Scenario, 'summary' | 'rewards' | 'redeem' | 'reset'> {
  let current = start;
  let summary = summaries.linMei;
  let issued = 0;
  return {
    reset: () => {
      current = start;
      summary = summaries.linMei;
      issued = 0;
    },
    summary: () => HttpResponse.json(summary),
    rewards: () => HttpResponse.json(current),
    redeem: (rewardId) => {
      if (redeem === 'offline') return HttpResponse.error();
      if (redeem === 'pending') return never();
      if (redeem !== 'ok') {
        if (after) current = after(current);
        return problem(redeem)();
      }
      const reward = current.rewards.find((candidate) => candidate.id === rewardId);
      if (!reward) return problem(refusals.unavailable)();
      if (reward.lockedBy === 'points') return problem(refusals.insufficientPoints)();
      if (reward.lockedBy === 'out_of_stock') return problem(refusals.outOfStock)();
      if (reward.lockedBy === 'tier') return problem(refusals.tierRequired)();
      issued += 1;
      const balance = current.balance - reward.pointsCost;
      const redeemedAt = new Date(FAKE_TODAY + 2 * 60 * 60 * 1000 + issued * 60_000).toISOString();
      const expiresAt =
        reward.validityDays === null
          ? null
          : new Date(Date.parse(redeemedAt) + reward.validityDays * DAY_MS).toISOString();
      const result: RedeemResult = {
        redemption: {
          id: `00000000-0000-4000-8000-${String(issued).padStart(12, '0')}`,
          rewardId,
          rewardName: reward.name,
          pointsSpent: reward.pointsCost,
          code: `TEA-8F3K-${String(issued).padStart(4, '0')}`,
          redeemedAt,
          expiresAt,
        },
        entry: {
          id: `entry-redeem-${issued}`,
          type: 'redeem',
          kind: 'redemption',
          references: { rewardId, rewardName: reward.name },
          points: -reward.pointsCost,
          shortfall: null,
          reason: reward.name.en ?? rewardId,
          createdAt: redeemedAt,
          expiresAt: null,
          pendingUntil: null,
          spend: null,
          balanceAfter: balance,
        },
        balance,
      };
      current = {
        balance,
        rewards: current.rewards.map((candidate) => {
          const stock = candidate.id === rewardId && candidate.stock !== null ? candidate.stock - 1 : candidate.stock;
          const pointsNeeded = Math.max(0, candidate.pointsCost - balance);
          const lockedBy =
            candidate.lockedBy === 'tier' ? 'tier' : stock === 0 ? 'out_of_stock' : pointsNeeded > 0 ? 'points' : null;
          return { ...candidate, stock, pointsNeeded, lockedBy };
        }),
        redemptions: [result.redemption, ...current.redemptions],
      };
      summary = { ...summary, points: { ...summary.points, balance } };
      return HttpResponse.json(result, { status: 201 });
    },
  };
}

/** The scenarios of `<loyalty-rewards>`. */
const rewardsScenarios = {
  rewards: { label: 'Rewards (Lin Mei): every kind of card; redeeming works', ...rewardsDesk(customerRewards.linMei) },
  'rewards-history': {
    label: 'Rewards with two earlier redemptions',
    ...rewardsDesk(customerRewards.withHistory),
  },
  'rewards-empty': { label: 'Rewards: none on offer', ...rewardsDesk(customerRewards.empty) },
  'rewards-refused-points': {
    label: 'Rewards: the redemption is refused, not enough points (409)',
    ...rewardsDesk(customerRewards.linMei, { redeem: refusals.insufficientPoints }),
    failsOnPurpose: true,
  },
  'rewards-refused-stock': {
    label: 'Rewards: the redemption is refused, out of stock (409); the list follows',
    ...rewardsDesk(customerRewards.linMei, {
      redeem: refusals.outOfStock,
      after: (rewards) => ({
        ...rewards,
        rewards: rewards.rewards.map((reward) =>
          reward.id === 'free-jasmine-tea' ? { ...reward, stock: 0, lockedBy: 'out_of_stock' } : reward,
        ),
      }),
    }),
    failsOnPurpose: true,
  },
  'rewards-refused-tier': {
    label: 'Rewards: the redemption is refused, tier required (409)',
    ...rewardsDesk(customerRewards.linMei, { redeem: refusals.tierRequired }),
    failsOnPurpose: true,
  },
  'rewards-refused-unavailable': {
    label: 'Rewards: the redemption is refused, no longer on offer (409); the list follows',
    ...rewardsDesk(customerRewards.linMei, {
      redeem: refusals.unavailable,
      after: (rewards) => ({
        ...rewards,
        rewards: rewards.rewards.filter((reward) => reward.id !== 'free-jasmine-tea'),
      }),
    }),
    failsOnPurpose: true,
  },
  'rewards-redeeming': {
    label: 'Rewards: a redemption that never gets an answer (busy)',
    ...rewardsDesk(customerRewards.linMei, { redeem: 'pending' }),
    timeoutMs: 24 * 60 * 60 * 1000,
  },
  'rewards-offline': {
    label: 'Rewards: redeeming while offline',
    ...rewardsDesk(customerRewards.linMei, { redeem: 'offline' }),
    failsOnPurpose: true,
  },
} satisfies Record<string, Scenario>;

/** The scenarios of `<loyalty-points-history>`: Lin Mei's ledger, paged as the API pages it. */
const historyScenarios = {
  history: {
    label: 'Points history (Lin Mei): every kind of entry, pending, a refund shortfall, several pages',
    summary: json(summaries.linMei),
    history: (cursor, limit) => HttpResponse.json(historyPage(linMeiLedger(), cursor, limit)),
  },
  'history-empty': {
    label: 'Points history: no activity yet',
    summary: json(summaries.samLee),
    history: () => HttpResponse.json(emptyHistory),
  },
  'history-page-fails': {
    label: 'Points history: the first page arrives, the next fails (network)',
    summary: json(summaries.linMei),
    history: (cursor, limit) =>
      cursor === null ? HttpResponse.json(historyPage(linMeiLedger(), cursor, limit)) : HttpResponse.error(),
    failsOnPurpose: true,
  },
  'history-malformed': {
    label: 'Points history: a malformed answer',
    summary: json(summaries.linMei),
    history: () => HttpResponse.json({ entries: 'none', nextCursor: 7 }),
  },
} satisfies Record<string, Scenario>;

export const scenarios = {
  'lin-mei': { label: 'Lin Mei: 2,900 points, Silver', summary: json(summaries.linMei) },
  'alex-chen': { label: 'Alex Chen: 1,234,567 points, Diamond', summary: json(summaries.alexChen) },
  'sam-lee': { label: 'Sam Lee: new, 0 points', summary: json(summaries.samLee) },
  'long-names': { label: 'Very long names', summary: json(summaries.longNames) },
  'gold-at-risk': { label: 'Alex Chen: Gold at risk', summary: json(summaries.goldAtRisk) },
  'top-tier': { label: 'Chen Jing: Diamond, top tier', summary: json(summaries.diamondTop) },
  spend: {
    label: 'Li Na: tiers by spend, ¥3,380 of ¥8,000',
    summary: json(summaries.spendSilver),
    program: json(programs.teaHouseBySpend),
  },
  'spend-at-risk': {
    label: 'Zhang Wei: tiers by spend, Gold at risk',
    summary: json(summaries.spendAtRisk),
    program: json(programs.teaHouseBySpend),
  },
  ...birthdayScenarios,
  ...surveyScenarios,
  ...rewardsScenarios,
  ...historyScenarios,
  ...waysToEarnScenarios,
  ...referralScenarios,
  loading: { label: 'Loading (the API never answers)', summary: never, timeoutMs: 24 * 60 * 60 * 1000 },
  timeout: { label: 'Timed out (after 1.5 s)', summary: never, timeoutMs: 1_500, failsOnPurpose: true },
  'network-error': { label: 'Network error', summary: () => HttpResponse.error(), failsOnPurpose: true },
  'server-error': { label: 'Server error (500)', summary: problem(problems.internal), failsOnPurpose: true },
  'session-expired': {
    label: 'Session expired (401)',
    summary: problem(problems.tokenExpired),
    failsOnPurpose: true,
  },
  guest: { label: 'Guest (no customer token)', signedIn: false },
  'not-connected': { label: 'Page not connected (no client)', connected: false },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof scenarios;
export const scenarioNames = Object.keys(scenarios) as ScenarioName[];

const scenarioOf = (name: string): Scenario | undefined =>
  Object.hasOwn(scenarios, name) ? scenarios[name as ScenarioName] : undefined;

/** The base URL a scenario's client talks to. */
export function apiBaseFor(name: ScenarioName): string {
  const scenario: Scenario = scenarios[name];
  return `${scenario.failsOnPurpose ? FAILING_API_ORIGIN : FAKE_API_ORIGIN}/${name}`;
}

/** Whether a request is meant for the fake API (so MSW should have answered it). */
export const isFakeApiRequest = (url: string) => new URL(url).host.endsWith(FAKE_API_HOST);

const notFound = (what: string, scenario: string) =>
  problem({
    type: 'about:blank',
    title: 'Not Found',
    status: 404,
    code: 'not_found',
    detail: `The fake API has no ${what} for the scenario "${scenario}" (see stories/support/fake-api.ts).`,
  })();

/** MSW handlers for every scenario: installed once, when the worker starts. */
export const handlers: HttpHandler[] = [FAKE_API_ORIGIN, FAILING_API_ORIGIN].flatMap((origin) => [
  http.get(`${origin}/:scenario${paths.summary}`, ({ params }) => {
    const answer = scenarioOf(String(params.scenario))?.summary;
    return answer ? answer() : notFound('summary', String(params.scenario));
  }),
  http.get(`${origin}/:scenario${paths.program}`, ({ params }) => {
    const scenario = scenarioOf(String(params.scenario));
    if (!scenario) return notFound('program', String(params.scenario));
    return (scenario.program ?? json(programs.teaHouse))();
  }),
  http.put(`${origin}/:scenario${paths.birthday}`, ({ params, request }) => {
    const answer = scenarioOf(String(params.scenario))?.setBirthday;
    return answer ? answer(request) : notFound('birthday', String(params.scenario));
  }),
  http.post(`${origin}/:scenario${paths.birthdayClaim}`, ({ params }) => {
    const answer = scenarioOf(String(params.scenario))?.claim;
    return answer ? answer() : notFound('birthday claim', String(params.scenario));
  }),
  http.get(`${origin}/:scenario${surveyPaths.eligible}`, ({ params }) => {
    const answer = scenarioOf(String(params.scenario))?.eligibleSurvey;
    return answer ? answer() : notFound('eligible survey', String(params.scenario));
  }),
  http.put(`${origin}/:scenario${surveyPaths.responsePattern}`, ({ params, request }) => {
    const answer = scenarioOf(String(params.scenario))?.saveSurveyResponse;
    return answer ? answer(request, String(params.responseId)) : notFound('survey response', String(params.scenario));
  }),
  http.post(`${origin}/:scenario${surveyPaths.dismissalsPattern}`, ({ params }) => {
    const answer = scenarioOf(String(params.scenario))?.dismissSurvey;
    return answer ? answer(String(params.surveyId)) : notFound('survey dismissal', String(params.scenario));
  }),
  http.get(`${origin}/:scenario${rewardPaths.rewards}`, async ({ params }) => {
    const scenario = scenarioOf(String(params.scenario));
    if (scenario?.rewards) return scenario.rewards();
    // The loading, error and session scenarios fail (or wait) the same way for the rewards as for the summary.
    const summary = await scenario?.summary?.();
    return summary && !summary.ok ? summary : notFound('rewards', String(params.scenario));
  }),
  http.get(`${origin}/:scenario${referralPaths.referral}`, async ({ params }) => {
    const scenario = scenarioOf(String(params.scenario));
    if (scenario?.referral) return scenario.referral();
    const summary = await scenario?.summary?.();
    if (!summary) return notFound('referral', String(params.scenario));
    return summary.ok ? HttpResponse.json(referral) : summary;
  }),
  http.get(`${origin}/:scenario${paths.pointsHistory}`, async ({ params, request }) => {
    const scenario = scenarioOf(String(params.scenario));
    const query = new URL(request.url).searchParams;
    if (scenario?.history) return scenario.history(query.get('cursor'), Number(query.get('limit') ?? 20));
    // The loading, error and session scenarios fail (or wait) the same way for the history as for the summary.
    const summary = await scenario?.summary?.();
    return summary && !summary.ok ? summary : notFound('points history', String(params.scenario));
  }),
  http.post(`${origin}/:scenario${rewardPaths.redeemPattern}`, ({ params }) => {
    const answer = scenarioOf(String(params.scenario))?.redeem;
    return answer ? answer(String(params.rewardId)) : notFound('redemption', String(params.scenario));
  }),
]);

const clients = new Map<ScenarioName, LoyaltyClient>();

/**
 * The client a story's widgets use for a scenario: a real SDK client (validation, typed errors and
 * all) pointed at the fake API. One per scenario, so re-rendering a story (a changed control)
 * does not reload it.
 */
export function clientFor(name: ScenarioName): LoyaltyClient | undefined {
  const scenario: Scenario | undefined = scenarioOf(name);
  if (!scenario || scenario.connected === false) return undefined;
  let client = clients.get(name);
  if (!client) {
    client = createLoyaltyClient({
      apiBase: apiBaseFor(name),
      publishableKey: FAKE_PUBLISHABLE_KEY,
      customerToken: scenario.signedIn === false ? null : FAKE_CUSTOMER_TOKEN,
      timeoutMs: scenario.timeoutMs,
      // Writes live as long as the page: nothing a story saved is sent again by another story.
      outboxStorage: new MemoryOutboxStorage(),
    });
    clients.set(name, client);
  }
  return client;
}

/**
 * Starts a scenario afresh: forgets what its fake API remembers (a saved birthday, a claim, a redemption) and
 * what its client cached, so a story that saves or claims plays the same way however often it is
 * shown. For a story's `loaders`.
 */
export function resetScenario(name: ScenarioName): void {
  const scenario: Scenario = scenarios[name];
  scenario.reset?.();
  clients.get(name)?.close();
  clients.delete(name);
}
