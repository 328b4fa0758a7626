// One request per page: coalesced reads, the in-memory cache, ETag revalidation, and the `summary`
// changes subscribers hear.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse } from 'msw';
import { paths, surveyPaths } from '@loyalty-elements/contract';
import {
  customerToken,
  failure,
  makeClient,
  nextChange,
  problem,
  recordChanges,
  serve,
  settle,
  useApi,
} from './support/api.ts';
import {
  birthdayClaimResult,
  birthdayStatus,
  completedSurveyResponse,
  eligibleSurvey,
  pointsHistory,
  program,
  responseId,
  summary,
  summaryAfterClaim,
  surveyResponse,
  surveyUpdate,
  surveyDismissal,
} from './support/fixtures.ts';

useApi();

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const notModified = (etag: string) => new HttpResponse(null, { status: 304, headers: { ETag: etag } });

/** A summary endpoint that answers `versions[n]` with ETag `"vn"` while `current()` is n, and 304 to a match. */
function summaryVersions(versions: readonly (typeof summary)[], current: () => number) {
  return serve('get', paths.summary, ({ headers }) => {
    const etag = `"v${current()}"`;
    if (headers.get('if-none-match') === etag) return notModified(etag);
    return HttpResponse.json(versions[current()], { headers: { ETag: etag } });
  });
}

describe('concurrent reads', () => {
  it('share one request per resource and query', async () => {
    const release = gate();
    const summaries = serve('get', paths.summary, async () => {
      await release.opened;
      return HttpResponse.json(summary);
    });
    const histories = serve('get', paths.pointsHistory, async () => {
      await release.opened;
      return HttpResponse.json(pointsHistory);
    });
    const programs = serve('get', paths.program, async () => {
      await release.opened;
      return HttpResponse.json(program);
    });
    const client = makeClient({ customerToken: customerToken('c1') });
    const reads = Promise.all([
      client.getSummary(),
      client.getSummary(),
      client.getPointsHistory({ limit: 10 }),
      client.getPointsHistory({ limit: 10 }),
      client.getPointsHistory({ limit: 20 }),
      client.getProgram(),
      client.getProgram(),
    ]);
    await settle();
    release.open();
    const results = await reads;
    assert.deepEqual(results, [summary, summary, pointsHistory, pointsHistory, pointsHistory, program, program]);
    assert.equal(summaries.length, 1);
    assert.equal(histories.length, 2, 'one request per distinct query');
    assert.deepEqual(
      histories.map(({ url }) => url.searchParams.get('limit')),
      ['10', '20'],
    );
    assert.equal(programs.length, 1);
  });

  it('share one request for the eligible survey of a trigger, but ask again once it has answered', async () => {
    const release = gate();
    const seen = serve('get', surveyPaths.eligible, async () => {
      await release.opened;
      return HttpResponse.json(eligibleSurvey);
    });
    const client = makeClient({ customerToken: customerToken('c1') });
    const both = Promise.all([client.getEligibleSurvey('post_purchase'), client.getEligibleSurvey('post_purchase')]);
    await settle();
    release.open();
    assert.deepEqual(await both, [eligibleSurvey, eligibleSurvey]);
    assert.equal(seen.length, 1);
    await client.getEligibleSurvey('post_purchase');
    assert.equal(seen.length, 2, 'eligibility is not served from memory: a dismissal may have changed it');
  });
});

describe('the read cache', () => {
  it('serves a second read within cacheMaxAgeMs from memory', async () => {
    const seen = serve('get', paths.summary, () => HttpResponse.json(summary, { headers: { ETag: '"v1"' } }));
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.deepEqual(await client.getSummary(), summary);
    assert.deepEqual(await client.getSummary(), summary);
    assert.equal(seen.length, 1);
  });

  it('keeps the program for minutes even when other reads expire at once', async () => {
    const seen = serve('get', paths.program, () => HttpResponse.json(program));
    const client = makeClient({ cacheMaxAgeMs: 0 });
    await client.getProgram();
    await client.getProgram();
    assert.equal(seen.length, 1);
  });

  it('revalidates an older answer with If-None-Match and reuses it on 304', async () => {
    const seen = summaryVersions([summary], () => 0);
    const client = makeClient({ customerToken: customerToken('c1'), cacheMaxAgeMs: 30 });
    const first = await client.getSummary();
    assert.equal(seen[0]!.headers.get('if-none-match'), null, 'nothing to revalidate yet');
    await new Promise((resolve) => setTimeout(resolve, 40));
    const second = await client.getSummary();
    assert.equal(seen.length, 2, 'an answer older than cacheMaxAgeMs is revalidated');
    assert.equal(seen[1]!.headers.get('if-none-match'), '"v0"');
    assert.deepEqual(second, first);
    assert.deepEqual(second, summary);
  });

  it('revalidates on getSummary({ revalidate: true }) even while the answer is fresh', async () => {
    let version = 0;
    const seen = summaryVersions([summary, summaryAfterClaim], () => version);
    const client = makeClient({ customerToken: customerToken('c1') });
    await client.getSummary();
    assert.deepEqual(await client.getSummary({ revalidate: true }), summary, '304: the stored summary');
    assert.equal(seen.length, 2);
    assert.equal(seen[1]!.headers.get('if-none-match'), '"v0"');
    version = 1;
    assert.deepEqual(await client.getSummary({ revalidate: true }), summaryAfterClaim, '200: the new summary');
    assert.deepEqual(await client.getSummary(), summaryAfterClaim, 'and the new one is kept');
    assert.equal(seen.length, 3);
  });

  it('revalidates a cached page of the points history on getPointsHistory(query, { revalidate: true })', async () => {
    const newer = { ...pointsHistory, entries: pointsHistory.entries.slice(1) };
    let answer = pointsHistory;
    const seen = serve('get', paths.pointsHistory, () => HttpResponse.json(answer));
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.deepEqual(await client.getPointsHistory({ limit: 10 }), pointsHistory);
    answer = newer;
    assert.deepEqual(await client.getPointsHistory({ limit: 10 }), pointsHistory, 'a fresh page is served from memory');
    assert.equal(seen.length, 1);
    assert.deepEqual(await client.getPointsHistory({ limit: 10 }, { revalidate: true }), newer);
    assert.equal(seen.length, 2);
    assert.deepEqual(await client.getPointsHistory({ limit: 10 }), newer, 'and the new page is kept');
  });

  it('does not keep failures: the next read asks again', async () => {
    const seen = serve('get', paths.summary, (_request, attempt) =>
      attempt === 1 ? problem(404, 'customer_not_found') : HttpResponse.json(summary),
    );
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.equal((await failure(client.getSummary())).code, 'rejected');
    assert.deepEqual(await client.getSummary(), summary);
    assert.equal(seen.length, 2);
  });

  it('asks for the whole answer when the API answers 304 to a copy the client no longer has', async () => {
    // A 304 to an unconditional read is the API's mistake: an error, never undefined data.
    serve('get', paths.summary, () => notModified('"v1"'));
    const client = makeClient({ customerToken: customerToken('c1') });
    const error = await failure(client.getSummary());
    assert.equal(error.code, 'invalid_response');
  });
});

describe('summary changes', () => {
  it('are heard when a revalidation returns a different summary, not when it is unchanged', async () => {
    let version = 0;
    summaryVersions([summary, summaryAfterClaim], () => version);
    const client = makeClient({ customerToken: customerToken('c1'), cacheMaxAgeMs: 0 });
    const changes = recordChanges(client);
    await client.getSummary();
    await client.getSummary();
    assert.deepEqual(changes, [], 'the first answer and a 304 are no change');
    version = 1;
    await client.getSummary();
    assert.deepEqual(changes, [{ type: 'summary', summary: summaryAfterClaim }]);
  });

  it('reach every listener even when one of them throws', async (t) => {
    const reported = t.mock.method(console, 'error', () => undefined);
    let version = 0;
    summaryVersions([summary, summaryAfterClaim], () => version);
    const client = makeClient({ customerToken: customerToken('c1'), cacheMaxAgeMs: 0 });
    client.subscribe(() => {
      throw new Error('a broken widget');
    });
    const changes = recordChanges(client);
    await client.getSummary();
    version = 1;
    await client.getSummary();
    assert.deepEqual(changes, [{ type: 'summary', summary: summaryAfterClaim }]);
    assert.equal(reported.mock.callCount(), 1, 'the listener’s error is reported');
  });

  it('stop once the listener unsubscribes', async () => {
    let version = 0;
    summaryVersions([summary, summaryAfterClaim], () => version);
    const client = makeClient({ customerToken: customerToken('c1'), cacheMaxAgeMs: 0 });
    const heard: unknown[] = [];
    const unsubscribe = client.subscribe((change) => heard.push(change));
    await client.getSummary();
    unsubscribe();
    version = 1;
    await client.getSummary();
    assert.deepEqual(heard, []);
  });

  it('follow a birthday claim when a summary was cached', async () => {
    let version = 0;
    const seen = summaryVersions([summary, summaryAfterClaim], () => version);
    serve('post', paths.birthdayClaim, () => {
      version = 1;
      return HttpResponse.json(birthdayClaimResult);
    });
    const client = makeClient({ customerToken: customerToken('c1') });
    await client.getSummary();
    const heard = nextChange(client, 'summary');
    await client.claimBirthdayReward();
    assert.deepEqual((await heard).summary, summaryAfterClaim);
    assert.equal(seen.at(-1)!.headers.get('if-none-match'), '"v0"');
    assert.deepEqual(await client.getSummary(), summaryAfterClaim, 'the cache holds the new summary');
    assert.equal(seen.length, 2);
  });

  it('follow a birthday claim made while a summary read was on its way: that older answer is not the last word', async () => {
    const slow = gate();
    const sent = gate();
    let claimed = false;
    serve('get', paths.summary, async () => {
      const answer = claimed ? summaryAfterClaim : summary;
      sent.open();
      if (!claimed) await slow.opened;
      return HttpResponse.json(answer, { headers: { ETag: claimed ? '"v1"' : '"v0"' } });
    });
    serve('post', paths.birthdayClaim, () => {
      claimed = true;
      return HttpResponse.json(birthdayClaimResult);
    });
    const client = makeClient({ customerToken: customerToken('c1') });
    const heard = nextChange(client, 'summary');
    const loading = client.getSummary();
    await sent.opened;
    await client.claimBirthdayReward();
    assert.deepEqual((await heard).summary, summaryAfterClaim, 'subscribers hear the summary with the claim');
    slow.open();
    await loading;
    assert.deepEqual(await client.getSummary(), summaryAfterClaim, 'the older answer did not replace it');
  });

  it('follow a birthday claim for a subscriber even when no summary was read yet', async () => {
    summaryVersions([summaryAfterClaim], () => 0);
    serve('post', paths.birthdayClaim, () => HttpResponse.json(birthdayClaimResult));
    const client = makeClient({ customerToken: customerToken('c1') });
    const heard = nextChange(client, 'summary');
    await client.claimBirthdayReward();
    assert.deepEqual((await heard).summary, summaryAfterClaim);
  });

  it('follow setBirthday', async () => {
    let version = 0;
    const noBirthday = { ...summary, birthday: null };
    summaryVersions([noBirthday, summary], () => version);
    serve('put', paths.birthday, () => {
      version = 1;
      return HttpResponse.json(birthdayStatus);
    });
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.equal((await client.getSummary()).birthday, null);
    const heard = nextChange(client, 'summary');
    await client.setBirthday({ month: 8, day: 15, calendar: 'chinese-lunar' });
    assert.deepEqual((await heard).summary.birthday, birthdayStatus);
  });

  it('follow a survey response that completes, and only one that completes', async () => {
    let version = 0;
    const seen = summaryVersions([summary, summaryAfterClaim], () => version);
    serve('get', paths.program, () => HttpResponse.json(program));
    serve('put', surveyPaths.responsePattern, ({ body }) => {
      const complete = (body as { complete?: boolean }).complete === true;
      if (complete) version = 1;
      return HttpResponse.json(complete ? completedSurveyResponse : surveyResponse);
    });
    const client = makeClient({ customerToken: customerToken('c1') });
    await client.getSummary();
    await client.saveSurveyResponse(responseId, surveyUpdate);
    await client.getProgram(); // a full round trip: a summary request begun before it would have arrived
    assert.equal(seen.length, 1, 'a partial response changes no points: no summary request');
    const heard = nextChange(client, 'summary');
    await client.saveSurveyResponse(responseId, { ...surveyUpdate, sequence: 2, complete: true });
    assert.deepEqual((await heard).summary, summaryAfterClaim);
  });

  it('follow a survey dismissal: the survey is no longer listed as due', async () => {
    let version = 0;
    summaryVersions(
      [
        { ...summary, surveysDue: ['post_purchase'] },
        { ...summary, surveysDue: [] },
      ],
      () => version,
    );
    serve('post', surveyPaths.dismissalsPattern, () => {
      version = 1;
      return HttpResponse.json(surveyDismissal, { status: 201 });
    });
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.deepEqual((await client.getSummary()).surveysDue, ['post_purchase']);
    const heard = nextChange(client, 'summary');
    await client.dismissSurvey(surveyDismissal.surveyId);
    assert.deepEqual((await heard).summary.surveysDue, []);
    assert.deepEqual((await client.getSummary()).surveysDue, []);
  });

  it('cost no request after a write when nothing shows the summary', async () => {
    const seen = serve('get', paths.summary, () => HttpResponse.json(summaryAfterClaim));
    serve('post', paths.birthdayClaim, () => HttpResponse.json(birthdayClaimResult));
    serve('get', paths.program, () => HttpResponse.json(program));
    const client = makeClient({ customerToken: customerToken('c1') });
    await client.claimBirthdayReward();
    await client.getProgram(); // a full round trip: a summary request begun before it would have arrived
    assert.equal(seen.length, 0);
  });
});
