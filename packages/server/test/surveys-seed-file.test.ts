import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEFAULT_DEMO_PUBLISHABLE_KEY, DEFAULT_DEMO_SECRET_KEY } from '../src/config.ts';
import { DEMO_SURVEYS } from '../src/demo-surveys.ts';
import { seedDemo } from '../src/seed.ts';
import { DEMO_SURVEYS_FILE, readSurveySeed } from '../src/seed-surveys.ts';
import { MEMORY_DATA_DIR, openDatabase, type Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';

const keys = { publishableKey: DEFAULT_DEMO_PUBLISHABLE_KEY, secretKey: DEFAULT_DEMO_SECRET_KEY };

let folder: string;
let db: Database;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'survey-seed-'));
  db = await openDatabase(MEMORY_DATA_DIR);
  await migrate(db);
});
after(async () => {
  await db.close();
  await rm(folder, { recursive: true, force: true });
});

async function shippedSeed(): Promise<{ surveys: Array<Record<string, unknown>> }> {
  return JSON.parse(await readFile(DEMO_SURVEYS_FILE, 'utf8')) as { surveys: Array<Record<string, unknown>> };
}

async function seedFile(name: string, content: unknown): Promise<string> {
  const file = join(folder, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

test('the demo surveys are the package’s seed file: the file the server seeds from is the one the fixtures read', async () => {
  const surveys = await readSurveySeed(DEMO_SURVEYS_FILE);
  assert.deepEqual(
    surveys.map((survey) => survey.id),
    ['post-purchase-nps', 'account-csat', 'program-exit'],
  );
  assert.deepEqual(surveys, Object.values(DEMO_SURVEYS));
  const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
    files: string[];
  };
  assert.ok(manifest.files.includes('seed'), 'the seed folder is published with the package');
});

test('a broken seed file stops the start-up seed with a message naming the file and the field, and writes nothing', async () => {
  const seed = await shippedSeed();
  const postPurchase = seed.surveys[0] as { questions: Array<{ id: string }> };
  postPurchase.questions[1]!.id = 'nps';
  const brokenQuestion = await seedFile('duplicate-question.json', seed);
  await assert.rejects(seedDemo(db, keys, new Date(), brokenQuestion), (error: Error) => {
    assert.match(error.message, /duplicate-question\.json/);
    assert.match(error.message, /surveys\.0\.questions\.1\.id: Question id "nps" is used twice\./);
    return true;
  });
  const programs = await db.query('SELECT id FROM programs');
  assert.equal(programs.length, 0, 'nothing was seeded');

  const reward = await shippedSeed();
  reward.surveys[0]!.completionReward = 0.5;
  await assert.rejects(
    seedDemo(db, keys, new Date(), await seedFile('reward.json', reward)),
    /surveys\.0\.completionReward: /,
  );

  const unknownField = await shippedSeed();
  unknownField.surveys[2]!.status = 'live';
  await assert.rejects(
    seedDemo(db, keys, new Date(), await seedFile('status.json', unknownField)),
    /surveys\.2\.status: /,
  );

  const twice = await shippedSeed();
  twice.surveys.push(twice.surveys[1]!);
  await assert.rejects(
    seedDemo(db, keys, new Date(), await seedFile('twice.json', twice)),
    /surveys\.3\.id: Survey id "account-csat" is used twice\./,
  );

  await assert.rejects(
    seedDemo(db, keys, new Date(), await seedFile('truncated.json', '{"surveys": [')),
    (error: Error) => {
      assert.match(error.message, /The survey seed .*truncated\.json is not JSON/);
      return true;
    },
  );
  await assert.rejects(seedDemo(db, keys, new Date(), join(folder, 'missing.json')), /Cannot read the survey seed/);
  assert.equal((await db.query('SELECT id FROM programs')).length, 0);
});

test('an edited seed file seeds its own surveys', async () => {
  const seed = await shippedSeed();
  seed.surveys[1]!.title = { en: 'How are we doing, really?', 'zh-CN': '我们做得怎么样？' };
  assert.equal(await seedDemo(db, keys, new Date(), await seedFile('edited.json', seed)), true);
  const [row] = await db.query<{ title: unknown }>(
    `SELECT v.content -> 'title' AS title FROM survey_versions v WHERE v.survey_id = 'account-csat'`,
  );
  assert.deepEqual(row?.title, { en: 'How are we doing, really?', 'zh-CN': '我们做得怎么样？' });
});
