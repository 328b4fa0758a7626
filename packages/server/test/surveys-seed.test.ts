import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEPARTURE_REASONS, type SurveyDraft } from '@loyalty-elements/contract';
import { DEFAULT_DEMO_PUBLISHABLE_KEY, DEFAULT_DEMO_SECRET_KEY } from '../src/config.ts';
import { findSurvey, publishSurvey, surveyVersions } from '../src/domain/surveys/definitions.ts';
import { DEMO_SURVEYS } from '../src/demo-surveys.ts';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { seedDemo } from '../src/seed.ts';
import { MEMORY_DATA_DIR, openDatabase, type Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPostgres } from '../src/store/postgres.ts';
import { TEST_POSTGRES_URL, testDatabaseFor } from './support/postgres.ts';

const keys = { publishableKey: DEFAULT_DEMO_PUBLISHABLE_KEY, secretKey: DEFAULT_DEMO_SECRET_KEY };
const programId = DEMO_SEED.program.id;

let fresh: Database;
let upgraded: Database;
before(async () => {
  [fresh, upgraded] = await Promise.all([openDatabase(MEMORY_DATA_DIR), openDatabase(MEMORY_DATA_DIR)]);
  await Promise.all([migrate(fresh), migrate(upgraded)]);
});
after(() => Promise.all([fresh.close(), upgraded.close()]));

test('a new data folder gets every demo survey: post-purchase with its reward, and the exit survey', async () => {
  assert.equal(await seedDemo(fresh, keys), true);
  const postPurchase = await findSurvey(fresh, programId, DEMO_SURVEYS.postPurchase.id);
  assert.equal(postPurchase?.version, 1);
  assert.equal(postPurchase?.completionReward, 50);

  const exit = await findSurvey(fresh, programId, 'program-exit');
  assert.ok(exit);
  assert.deepEqual(
    [exit.trigger, exit.status, exit.samplingRate, exit.completionReward],
    ['program_exit', 'active', 1, undefined],
  );
  const [why, ...rest] = exit.questions;
  assert.ok(why?.kind === 'single_choice');
  assert.equal(why.text.en, 'Why are you leaving?');
  assert.deepEqual(
    why.options.map((option) => option.departureReason),
    [...DEPARTURE_REASONS],
  );
  for (const option of why.options) assert.ok(option.text.en && option.text['zh-CN'], option.id);
  assert.deepEqual(
    rest.map((question) => [question.kind, question.required ?? false]),
    [['free_text', false]],
  );
  assert.ok(exit.thanks?.default.en && exit.thanks.default['zh-CN']);
});

test('a folder seeded before the reward and the exit survey is brought up to date, once', async () => {
  // As an earlier version left it: the post-purchase survey without a reward, which the merchant
  // then paused and sampled at half; the account survey the merchant renamed.
  await upgraded.query(
    `INSERT INTO programs (id, name, points_name, publishable_key, secret_key) VALUES ($1, 'Old Tea House', $2, $3, $4)`,
    [programId, JSON.stringify(DEMO_SEED.program.pointsName), keys.publishableKey, keys.secretKey],
  );
  const { completionReward: _reward, ...earlierPostPurchase } = DEMO_SURVEYS.postPurchase as SurveyDraft;
  await publishSurvey(upgraded, programId, earlierPostPurchase);
  await publishSurvey(upgraded, programId, { ...earlierPostPurchase, status: 'paused', samplingRate: 0.5 });
  const account: SurveyDraft = DEMO_SURVEYS.accountPage;
  await publishSurvey(upgraded, programId, account);
  await publishSurvey(upgraded, programId, { ...account, title: { en: 'Our own title' } });

  assert.equal(await seedDemo(upgraded, keys), false);
  const postPurchase = await findSurvey(upgraded, programId, DEMO_SURVEYS.postPurchase.id);
  assert.deepEqual(
    [postPurchase?.version, postPurchase?.completionReward, postPurchase?.status, postPurchase?.samplingRate],
    [2, 50, 'paused', 0.5],
    'the reward comes as the next version; the merchant’s status and sampling stay',
  );
  const versions = await surveyVersions(upgraded, programId, DEMO_SURVEYS.postPurchase.id);
  assert.equal(versions[0]?.content.completionReward, undefined, 'responses on version 1 earn nothing');
  const renamed = await findSurvey(upgraded, programId, DEMO_SURVEYS.accountPage.id);
  assert.deepEqual([renamed?.version, renamed?.title], [2, { en: 'Our own title' }]);
  const exit = await findSurvey(upgraded, programId, DEMO_SURVEYS.programExit.id);
  assert.deepEqual([exit?.version, exit?.status], [1, 'active']);

  // A restart changes nothing more.
  assert.equal(await seedDemo(upgraded, keys), false);
  const counts = await upgraded.query<{ survey_id: string; versions: unknown }>(
    'SELECT survey_id, count(*) AS versions FROM survey_versions GROUP BY survey_id ORDER BY survey_id',
  );
  assert.deepEqual(
    counts.map((row) => [row.survey_id, Number(row.versions)]),
    [
      ['account-csat', 2],
      ['post-purchase-nps', 2],
      ['program-exit', 1],
    ],
  );
});

test('a folder seeded before the reward, in the earlier Chinese wording, gets the reward once, in today’s wording', async () => {
  // On PostgreSQL too when the suite is given one: the seed compares stored versions there in SQL.
  const postgres = TEST_POSTGRES_URL ? await testDatabaseFor(MEMORY_DATA_DIR) : undefined;
  const earlier = postgres ? await openPostgres(postgres.url) : await openDatabase(MEMORY_DATA_DIR);
  try {
    await migrate(earlier);
    await earlier.query(
      `INSERT INTO programs (id, name, points_name, publishable_key, secret_key) VALUES ($1, 'Old Tea House', $2, $3, $4)`,
      [programId, JSON.stringify(DEMO_SEED.program.pointsName), keys.publishableKey, keys.secretKey],
    );
    // The post-purchase survey as the seed before the reward published it: its consent worded “可以就此事联系我”.
    const { completionReward: _reward, ...withoutReward } = DEMO_SURVEYS.postPurchase as SurveyDraft;
    const firstWording = JSON.parse(
      JSON.stringify(withoutReward).replace('同意我们就本次反馈与您联系', '可以就此事联系我'),
    ) as SurveyDraft;
    assert.notDeepEqual(firstWording, withoutReward);
    await publishSurvey(earlier, programId, firstWording);

    await seedDemo(earlier, keys);
    await seedDemo(earlier, keys);
    const postPurchase = await findSurvey(earlier, programId, DEMO_SURVEYS.postPurchase.id);
    assert.deepEqual([postPurchase?.version, postPurchase?.completionReward], [2, 50]);
    const consent = postPurchase?.questions.find(
      (question) => question.kind === 'free_text' && question.contactConsent,
    );
    assert.ok(consent?.kind === 'free_text');
    assert.equal(consent.contactConsent?.label['zh-CN'], '同意我们就本次反馈与您联系');
  } finally {
    await earlier.close();
    await postgres?.drop();
  }
});
