// The fake loyalty API the stories talk to: real SDK clients send real requests to
// FAKE_API_ORIGIN, and Mock Service Worker (set up in .storybook/preview.ts) answers them from the
// fixtures. No server needed, and every answer is the same on every machine.
//
// Each scenario has its own path prefix (`https://loyalty-api.example/<scenario>/v1/me/summary`),
// so stories shown together on one docs page never fight over a single set of handlers.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { PROBLEM_CONTENT_TYPE, paths, type Problem, type Program, type Summary } from '@loyalty-elements/contract';
import { createLoyaltyClient, type LoyaltyClient } from '@loyalty-elements/sdk';
import { problems, programs, summaries } from '../fixtures.ts';

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

export const scenarios = {
  'lin-mei': { label: 'Lin Mei: 2,900 points, Silver', summary: json(summaries.linMei) },
  'alex-chen': { label: 'Alex Chen: 1,234,567 points, Diamond', summary: json(summaries.alexChen) },
  'sam-lee': { label: 'Sam Lee: new, 0 points', summary: json(summaries.samLee) },
  'long-names': { label: 'Very long names', summary: json(summaries.longNames) },
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
    });
    clients.set(name, client);
  }
  return client;
}
