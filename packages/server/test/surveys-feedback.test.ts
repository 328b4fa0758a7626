import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  SurveyFeedback,
  VerbatimPage,
  feedbackPaths,
  type SurveyDraft,
  type SurveyResponseUpdate,
  type Verbatim,
} from '@loyalty-elements/contract';
import { createDemoCustomer, type TestServer } from './support/server.ts';
import { expectProblem, parseExactly } from './support/http.ts';
import { clockedServerPerFile } from './support/loyalty.ts';
import { eraseCustomer } from './support/members.ts';
import { adminGet, publish, resultsOf, save, testSurvey } from './support/surveys.ts';

/** A cursor made by hand, as the API encodes its own: JSON in base64url. */
const cursorOf = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

// Responses placed in known weeks of the demo program's time zone (Asia/Shanghai, UTC+8), with known scores; every
// figure of the feedback and verbatims routes is compared with what this file computes from the same table.

const TIME_ZONE = 'Asia/Shanghai';
const en = (text: string) => ({ en: text, 'zh-CN': `${text}（中文）` });
const QUESTIONS: SurveyDraft['questions'] = [
  { kind: 'nps', id: 'nps', required: true, text: en('Recommend us?') },
  {
    kind: 'multiple_choice',
    id: 'reason',
    text: en('What went wrong?'),
    options: [
      { id: 'late', dimension: 'reliability', text: en('Late') },
      { id: 'slow', dimension: 'responsiveness', text: en('Slow reply') },
      { id: 'rude', dimension: 'empathy', text: en('Rude') },
    ],
  },
  { kind: 'free_text', id: 'comment', maxLength: 200, text: en('Tell us more') },
  { kind: 'free_text', id: 'praise', maxLength: 200, text: en('What went well?') },
  {
    kind: 'single_choice',
    id: 'channel',
    text: en('Where?'),
    options: [
      { id: 'shop', dimension: 'tangibles', text: en('In the shop') },
      { id: 'web', text: en('Website') },
    ],
  },
];

type Answers = SurveyResponseUpdate['answers'];
interface Seed {
  at: string;
  answers: Answers;
  complete: boolean;
  version?: 2;
  /** An earlier partial response of the same customer, which their completion leaves uncounted. */
  earlierPartial?: { at: string; answers: Answers };
  erase?: boolean;
  /** Dimensions of the options chosen, as the test expects them. */
  dimensions?: string[];
}

const SEEDS: Seed[] = [
  { at: '2027-02-28T15:00:00Z', answers: { nps: 5, comment: 'Meh' }, complete: true },
  { at: '2027-02-28T17:00:00Z', answers: { nps: 10, comment: 'Lovely' }, complete: true },
  {
    at: '2027-03-01T03:00:00Z',
    answers: { nps: 9, channel: { option: 'shop' } },
    complete: true,
    dimensions: ['tangibles'],
  },
  {
    at: '2027-03-03T05:00:00Z',
    answers: { nps: 6, reason: { options: ['late', 'slow'] }, comment: 'Late again', praise: 'Staff kind' },
    complete: true,
    dimensions: ['reliability', 'responsiveness'],
  },
  { at: '2027-03-02T02:00:00Z', answers: { nps: 4, comment: 'Secret' }, complete: true, erase: true },
  { at: '2027-03-07T15:59:00Z', answers: { nps: 8, comment: 'Half done' }, complete: false },
  {
    at: '2027-03-07T16:00:00Z',
    answers: { nps: 0, reason: { options: ['rude'] }, comment: 'Rude', channel: { option: 'shop' } },
    complete: true,
    dimensions: ['empathy', 'tangibles'],
  },
  { at: '2027-03-09T02:00:00Z', answers: { nps: 7, comment: '   ' }, complete: true },
  {
    at: '2027-03-10T02:00:00Z',
    answers: { nps: 3, comment: 'Broken' },
    complete: true,
    earlierPartial: { at: '2027-03-09T05:00:00Z', answers: { nps: 10, comment: 'Not counted' } },
  },
  { at: '2027-03-12T02:00:00Z', answers: { comment: 'No score' }, complete: false },
  { at: '2027-03-22T02:00:00Z', answers: { nps: 10, comment: 'Great', praise: 'Fast' }, complete: true },
  { at: '2027-03-23T02:00:00Z', answers: { nps: 9, comment: 'Second version' }, complete: true, version: 2 },
];
const NOW = '2027-03-24T04:00:00Z';

let server: TestServer;
let api: TestServer;
const clock = clockedServerPerFile((started) => ({ server, api } = started));
let surveyId = '';
/** Each seed's response id, in SEEDS order. */
const responseIds: string[] = [];

const localDay = (instant: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** Publishes the survey and writes the seeds, once, inside the first test that needs them. */
let seeding: Promise<void> | undefined;
const seeded = () => (seeding ??= seed());
async function seed(): Promise<void> {
  const draft = testSurvey({ questions: QUESTIONS });
  surveyId = draft.id;
  await publish(server, draft);
  await publish(server, { ...draft, title: en('Test survey, second wording') });
  for (const seed of SEEDS) {
    const customerId = await createDemoCustomer(server);
    const responseId = randomUUID();
    responseIds.push(responseId);
    const version = seed.version ?? 1;
    if (seed.earlierPartial) {
      clock.set(seed.earlierPartial.at);
      const { answers } = seed.earlierPartial;
      await save(api, customerId, randomUUID(), { surveyId, version, sequence: 1, answers, complete: false });
    }
    clock.set(seed.at);
    await save(api, customerId, responseId, { surveyId, version, sequence: 1, ...seed });
    if (seed.erase) assert.equal((await eraseCustomer(server, customerId)).status, 200);
  }
}

async function feedbackOf(query: string): Promise<SurveyFeedback> {
  await seeded();
  clock.set(NOW);
  const res = await adminGet(api, `${feedbackPaths.feedback(surveyId)}${query}`);
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(SurveyFeedback, await res.json());
}

async function verbatimsOf(query: string): Promise<VerbatimPage> {
  await seeded();
  const res = await adminGet(api, `${feedbackPaths.verbatims(surveyId)}${query}`);
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(VerbatimPage, await res.json());
}

/** The counted seeds (every seed is one counted response) within the days and version asked. */
function countedSeeds(from: string, to: string, version?: number): Seed[] {
  return SEEDS.filter(
    (seed) =>
      localDay(seed.at) >= from &&
      localDay(seed.at) <= to &&
      (version === undefined || (seed.version ?? 1) === version),
  );
}

/** The week as this file counts it: NPS from the −1/0/+1 scores, the band from their sample statistics. */
function expectedWeek(weekStart: string, seeds: Seed[]) {
  const scores = seeds.flatMap((seed) => (typeof seed.answers.nps === 'number' ? [seed.answers.nps] : []));
  const points: number[] = scores.map((score) => (score >= 9 ? 1 : score >= 7 ? 0 : -1));
  const n = points.length;
  const mean = n === 0 ? 0 : points.reduce((sum, p) => sum + p, 0) / n;
  const sd = Math.sqrt(points.reduce((sum, p) => sum + (p - mean) ** 2, 0) / Math.max(n, 1));
  const bound = (sign: number) =>
    Math.round(Math.min(100, Math.max(-100, 100 * (mean + (sign * 1.96 * sd) / Math.sqrt(n)))) * 10) / 10;
  return {
    weekStart,
    responses: seeds.length,
    promoters: points.filter((p) => p === 1).length,
    passives: points.filter((p) => p === 0).length,
    detractors: points.filter((p) => p === -1).length,
    nps: n === 0 ? null : Math.round(mean * 1000) / 10,
    low: n < 2 ? null : bound(-1),
    high: n < 2 ? null : bound(1),
  };
}

function expectedWeeks(from: string, to: string, version?: number) {
  const weeks: string[] = [];
  for (let week = mondayOf(from); week <= to;) {
    weeks.push(week);
    const next = new Date(`${week}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 7);
    week = next.toISOString().slice(0, 10);
  }
  const seeds = countedSeeds(from, to, version);
  return weeks.map((week) =>
    expectedWeek(
      week,
      seeds.filter((seed) => mondayOf(localDay(seed.at)) === week),
    ),
  );
}

/** Each query answered `400 validation_failed` naming its field. */
async function expectFieldErrors(path: string, cases: Array<[query: string, field: string]>): Promise<void> {
  for (const [query, field] of cases) {
    const problem = await expectProblem(await adminGet(api, path + query), 400, 'validation_failed');
    assert.ok(
      problem.errors?.some((error) => error.path === field),
      `${query} names ${field}`,
    );
  }
}

describe('GET /v1/admin/surveys/{surveyId}/feedback', () => {
  test('by default the last 12 weeks to today: every week equal to the counts of the seeded responses', async () => {
    const feedback = await feedbackOf('');
    assert.equal(feedback.from, '2027-01-04');
    assert.equal(feedback.to, '2027-03-24');
    assert.equal(feedback.version, null);
    assert.equal(feedback.weekly.length, 12);
    assert.deepEqual(feedback.weekly, expectedWeeks('2027-01-04', '2027-03-24'));
    const week = (start: string) => feedback.weekly.find((w) => w.weekStart === start);
    // Local Monday 01:00 is in the week of 1 March though it is still Sunday in UTC; the band is wide at n = 5.
    assert.deepEqual(week('2027-03-01'), {
      weekStart: '2027-03-01',
      responses: 5,
      promoters: 2,
      passives: 1,
      detractors: 2,
      nps: 0,
      low: -78.4,
      high: 78.4,
    });
    assert.equal(week('2027-03-08')?.responses, 4, 'the response with no NPS answer counts as a response');
    assert.equal(week('2027-03-08')?.nps, -66.7);
  });

  test('the weeks add up to the results API: responses, NPS groups and the distribution', async () => {
    const feedback = await feedbackOf('?from=2027-02-01&to=2027-03-31');
    const results = (await resultsOf(server, surveyId)).combined;
    const sum = (key: 'responses' | 'promoters' | 'passives' | 'detractors') =>
      feedback.weekly.reduce((total, week) => total + week[key], 0);
    assert.equal(sum('responses'), results.responses.total);
    assert.equal(sum('responses'), SEEDS.length);
    assert.equal(sum('promoters'), results.nps?.promoters);
    assert.equal(sum('passives'), results.nps?.passives);
    assert.equal(sum('detractors'), results.nps?.detractors);
    assert.deepEqual(
      feedback.distribution,
      results.nps?.distribution.map(({ value, count }) => ({ score: value, count })),
    );
    assert.equal(feedback.distribution.length, 11);
  });

  test('a range cuts its first and last weeks at its days; one version leaves the others out', async () => {
    const cut = await feedbackOf('?from=2027-03-03&to=2027-03-09');
    assert.deepEqual(cut.weekly, expectedWeeks('2027-03-03', '2027-03-09'));
    assert.deepEqual(
      cut.weekly.map((week) => week.responses),
      [2, 2],
    );
    const first = await feedbackOf('?version=1&from=2027-03-22&to=2027-03-28');
    assert.equal(first.version, 1);
    assert.deepEqual(first.weekly, expectedWeeks('2027-03-22', '2027-03-28', 1));
    assert.equal(first.weekly[0]?.responses, 1);
    const second = await feedbackOf('?version=2&from=2027-03-22&to=2027-03-28');
    assert.equal(second.weekly[0]?.responses, 1);
    assert.deepEqual(
      second.distribution.filter(({ count }) => count > 0),
      [{ score: 9, count: 1 }],
    );
  });

  test('hostile parameters are a 400 naming the field; an unknown survey or version a 404', async () => {
    await seeded();
    clock.set(NOW);
    const path = feedbackPaths.feedback(surveyId);
    const cases: Array<[string, string]> = [
      ['?from=2027-13-01', 'query.from'],
      ['?to=yesterday', 'query.to'],
      ['?from=2027-03-10&to=2027-03-09', 'query.to'],
      ['?from=2025-01-01&to=2027-03-01', 'query.from'],
      ['?version=0', 'query.version'],
      ['?version=1e3', 'query.version'],
    ];
    await expectFieldErrors(path, cases);
    // 104 weeks are allowed, 105 are not.
    assert.equal((await feedbackOf('?from=2025-03-31&to=2027-03-28')).weekly.length, 104);
    await expectProblem(await adminGet(api, `${path}?from=2025-03-30&to=2027-03-28`), 400, 'validation_failed');
    await expectProblem(await adminGet(api, `${path}?version=9`), 404, 'survey_not_found');
    await expectProblem(await adminGet(api, feedbackPaths.feedback('no-such-survey')), 404, 'survey_not_found');
    await expectProblem(await adminGet(api, feedbackPaths.feedback('NOT A SLUG')), 400, 'validation_failed');
    await expectProblem(await adminGet(api, path, null), 401, 'secret_key_invalid');
  });
});

/** The verbatims this file expects: texts of counted, non-erased responses, newest first, in question order. */
function expectedVerbatims(keep: (seed: Seed) => boolean = () => true) {
  return SEEDS.flatMap((seed, index) =>
    seed.erase || !keep(seed)
      ? []
      : (['comment', 'praise'] as const).flatMap((questionId) => {
          const text = seed.answers[questionId];
          return typeof text === 'string' && text.trim() !== ''
            ? [{ at: seed.at, responseId: responseIds[index]!, questionId, text }]
            : [];
        }),
  )
    .sort((a, b) => b.at.localeCompare(a.at))
    .map(({ responseId, questionId, text }) => ({ responseId, questionId, text }));
}
const brief = (verbatims: Verbatim[]) =>
  verbatims.map(({ responseId, questionId, text }) => ({ responseId, questionId, text }));

describe('GET /v1/admin/surveys/{surveyId}/verbatims', () => {
  test('the free texts of counted responses, newest first; erased, blank and uncounted ones are not listed', async () => {
    const page = await verbatimsOf('?limit=100');
    assert.deepEqual(brief(page.verbatims), expectedVerbatims());
    assert.equal(page.nextCursor, null);
    const texts = page.verbatims.map((verbatim) => verbatim.text);
    for (const absent of ['Secret', 'Not counted', '   ']) assert.ok(!texts.includes(absent), absent);
    const rude = page.verbatims.find((verbatim) => verbatim.text === 'Rude');
    assert.deepEqual(
      { nps: rude?.nps, group: rude?.group, dimensions: rude?.dimensions, version: rude?.version },
      { nps: 0, group: 'detractor', dimensions: ['empathy', 'tangibles'], version: 1 },
    );
    assert.equal(rude?.answeredAt, '2027-03-07T16:00:00.000Z');
    assert.match(rude?.customer.name ?? '', /^Test /);
    const noScore = page.verbatims.find((verbatim) => verbatim.text === 'No score');
    assert.deepEqual([noScore?.nps, noScore?.group], [null, null]);
  });

  test('pages of three walk the whole list once', async () => {
    const seen: Verbatim[] = [];
    let cursor: string | null = null;
    do {
      const page: VerbatimPage = await verbatimsOf(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.verbatims.length <= 3);
      seen.push(...page.verbatims);
      cursor = page.nextCursor;
    } while (cursor !== null);
    assert.deepEqual(brief(seen), expectedVerbatims());
  });

  test('by group, dimension, days and version', async () => {
    const groupOf = (seed: Seed) => {
      const nps = seed.answers.nps;
      return typeof nps !== 'number' ? null : nps >= 9 ? 'promoter' : nps >= 7 ? 'passive' : 'detractor';
    };
    for (const group of ['promoter', 'passive', 'detractor'] as const) {
      const page = await verbatimsOf(`?group=${group}`);
      assert.deepEqual(
        brief(page.verbatims),
        expectedVerbatims((seed) => groupOf(seed) === group),
        group,
      );
      assert.ok(page.verbatims.every((verbatim) => verbatim.group === group));
    }
    const tangibles = await verbatimsOf('?dimension=tangibles');
    assert.deepEqual(
      tangibles.verbatims.map((verbatim) => verbatim.text),
      ['Rude'],
    );
    const reliability = await verbatimsOf('?dimension=reliability&group=detractor');
    assert.deepEqual(
      reliability.verbatims.map((verbatim) => verbatim.text),
      ['Late again', 'Staff kind'],
    );
    const days = await verbatimsOf('?from=2027-03-08&to=2027-03-12');
    const inDays = (seed: Seed) => localDay(seed.at) >= '2027-03-08' && localDay(seed.at) <= '2027-03-12';
    assert.deepEqual(brief(days.verbatims), expectedVerbatims(inDays));
    const second = await verbatimsOf('?version=2');
    assert.deepEqual(
      second.verbatims.map((verbatim) => [verbatim.text, verbatim.version]),
      [['Second version', 2]],
    );
  });

  test('hostile parameters are a 400 naming the field; an unknown survey a 404', async () => {
    await seeded();
    const path = feedbackPaths.verbatims(surveyId);
    const cases: Array<[string, string]> = [
      ['?limit=0', 'query.limit'],
      ['?limit=101', 'query.limit'],
      ['?limit=ten', 'query.limit'],
      ['?group=angry', 'query.group'],
      ['?dimension=price', 'query.dimension'],
      ['?from=2027-02-30', 'query.from'],
      ['?from=2027-03-10&to=2027-03-01', 'query.to'],
      ['?cursor=not-a-cursor', 'query.cursor'],
      [`?cursor=${cursorOf(['0', '00000000-0000-4000-8000-000000000000', 0])}`, 'query.cursor'],
      [`?cursor=${Buffer.from('["x","y",1]').toString('base64url')}`, 'query.cursor'],
      ['?version=-1', 'query.version'],
    ];
    await expectFieldErrors(path, cases);
    await expectProblem(await adminGet(api, feedbackPaths.verbatims('no-such-survey')), 404, 'survey_not_found');
    await expectProblem(await adminGet(api, `${path}?version=3`), 404, 'survey_not_found');
  });
});
