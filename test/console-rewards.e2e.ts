// The console's new-reward form in real Chromium against the real API: an id the page knows is taken is refused
// beside the id in the page's own words, sending nothing; an id another person took meanwhile is refused by the
// API's create-only PUT (412) with what was typed kept, and saved under another id; editing a reward still replaces
// it. English and Chinese.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { RewardCatalogue, rewardPaths, type Reward } from '@loyalty-elements/contract';
import { consoleStackPerFile } from './support/console-stack.ts';
import { adminGet, openProgram, showSection } from './support/program.ts';
import { DEMO_SECRET_KEY } from './support/stack.ts';

const running = consoleStackPerFile();

const catalogued = async (rewardId: string): Promise<Reward | undefined> =>
  (await adminGet(running, RewardCatalogue, rewardPaths.catalogue)).rewards.find((reward) => reward.id === rewardId);

/** The words of the page, in each language the console speaks. */
const LANGUAGES = {
  en: {
    locale: 'en-US',
    rewards: 'Rewards',
    addReward: 'Add a reward',
    id: 'Id (lowercase letters, digits, "-")',
    name: 'Name (English)',
    cost: 'Cost (points)',
    save: 'Save',
    saved: 'Saved.',
    taken: 'Another reward already has this id; choose another.',
    takenMeanwhile:
      'Another reward already has this id: it was added meanwhile, perhaps by a colleague. Choose another id; nothing was saved.',
  },
  zh: {
    locale: 'zh-CN',
    rewards: '奖励',
    addReward: '添加奖励',
    id: '编号（小写字母、数字、“-”）',
    name: '名称（English）',
    cost: '所需积分',
    save: '保存',
    saved: '已保存。',
    taken: '已有奖励使用此编号，请换一个。',
    takenMeanwhile: '已有奖励使用此编号（可能是同事刚刚添加的）。请换一个编号；本次未保存任何内容。',
  },
} as const;
type Words = (typeof LANGUAGES)[keyof typeof LANGUAGES];

/** The Program page on its Rewards section, the new-reward form open, and every write the page sends. */
async function openNewRewardForm(words: Words) {
  const opened = await openProgram(running, { locale: words.locale });
  await showSection(opened.page, words.rewards);
  const writes: Array<{ method: string; url: string; ifNoneMatch: string | undefined }> = [];
  opened.page.on('request', (request) => {
    if (request.method() !== 'GET')
      writes.push({ method: request.method(), url: request.url(), ifNoneMatch: request.headers()['if-none-match'] });
  });
  await opened.page.locator('console-rewards-section').getByRole('button', { name: words.addReward }).click();
  return { ...opened, writes, editor: opened.page.locator('console-reward-editor') };
}

/** The message shown beside the id box, once the box is marked invalid. */
async function idMessage(page: Page, words: Words): Promise<string> {
  const editor = page.locator('console-reward-editor');
  await editor.getByRole('alert').waitFor({ timeout: 5_000 });
  const id = editor.getByLabel(words.id);
  assert.equal(await id.getAttribute('aria-invalid'), 'true', 'the id is marked invalid');
  const describedBy = await id.getAttribute('aria-describedby');
  assert.ok(describedBy, 'the id points at its message');
  return ((await editor.locator(`#${describedBy}`).textContent()) ?? '').trim();
}

/** A reward saved with the secret key, as a colleague's console or the merchant's backend would. */
async function putElsewhere(rewardId: string, name: string): Promise<Reward> {
  const draft = { name: { en: name }, description: {}, pointsCost: 300, requiredTierId: null, stock: null };
  const res = await fetch(running.stack.apiBase + rewardPaths.reward(rewardId), {
    method: 'PUT',
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...draft, validityDays: null, availableFrom: null, availableUntil: null, active: true }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as Reward;
}

describe('adding a reward in the console', () => {
  for (const words of Object.values(LANGUAGES)) {
    it(`refuses an id the catalogue has, beside the id in the page's own words, sending nothing (${words.locale})`, async () => {
      const before = await catalogued('free-jasmine-tea');
      assert.ok(before, 'the demo has the jasmine tea');
      const { context, page, problems, writes, editor } = await openNewRewardForm(words);
      await editor.getByLabel(words.id).fill('free-jasmine-tea');
      await editor.getByLabel(words.name).fill('Overwritten');
      await editor.getByRole('button', { name: words.save }).click();

      assert.equal(await idMessage(page, words), words.taken, 'a plain message, not an API refusal');
      assert.deepEqual(writes, [], 'nothing was sent');
      assert.deepEqual(await catalogued('free-jasmine-tea'), before, 'the reward is kept');
      assert.deepEqual(problems, []);
      await context.close();
    });

    it(`refuses an id another person took meanwhile (412), keeping what was typed (${words.locale})`, async () => {
      const { context, page, problems, writes, editor } = await openNewRewardForm(words);
      const rewardId = `tea-${randomUUID().slice(0, 8)}`;
      await editor.getByLabel(words.id).fill(rewardId);
      await editor.getByLabel(words.name).fill('Oolong flight');
      await editor.getByLabel(words.cost).fill('250');
      const theirs = await putElsewhere(rewardId, 'A colleague’s reward');
      await editor.getByRole('button', { name: words.save }).click();

      assert.equal(await idMessage(page, words), words.takenMeanwhile);
      assert.deepEqual(writes, [
        { method: 'PUT', url: running.stack.apiBase + rewardPaths.reward(rewardId), ifNoneMatch: '*' },
      ]);
      assert.deepEqual(await catalogued(rewardId), theirs, 'their reward is not overwritten');
      assert.equal(await editor.getByLabel(words.id).inputValue(), rewardId, 'the id is kept');
      assert.equal(await editor.getByLabel(words.name).inputValue(), 'Oolong flight', 'the name is kept');
      assert.equal(await editor.getByLabel(words.cost).inputValue(), '250', 'the cost is kept');

      const otherId = `${rewardId}-b`;
      await editor.getByLabel(words.id).fill(otherId);
      await editor.getByRole('button', { name: words.save }).click();
      await editor.getByRole('status').getByText(words.saved).waitFor({ timeout: 5_000 });
      const created = await catalogued(otherId);
      assert.equal(created?.name.en, 'Oolong flight');
      assert.equal(created?.pointsCost, 250);
      assert.equal(writes.at(-1)?.ifNoneMatch, '*', 'a new reward is sent create-only');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('edits a reward it has just added: a plain PUT that replaces it', async () => {
    const words = LANGUAGES.en;
    const { context, page, problems, writes, editor } = await openNewRewardForm(words);
    const rewardId = `tea-${randomUUID().slice(0, 8)}`;
    await editor.getByLabel(words.id).fill(rewardId);
    await editor.getByLabel(words.name).fill('Pu-erh cake');
    await editor.getByRole('button', { name: words.save }).click();
    await editor.getByRole('heading', { name: 'Editing: Pu-erh cake' }).waitFor({ timeout: 5_000 });

    await editor.getByLabel(words.cost).fill('420');
    await editor.getByRole('button', { name: words.save }).click();
    await editor.getByRole('status').getByText(words.saved).waitFor({ timeout: 5_000 });
    assert.equal((await catalogued(rewardId))?.pointsCost, 420);
    assert.deepEqual(
      writes.map((write) => write.ifNoneMatch),
      ['*', undefined],
      'created create-only, then replaced',
    );
    await page.locator(`console-rewards-section tr[data-row="${rewardId}"]`).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
