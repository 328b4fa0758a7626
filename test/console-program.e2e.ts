// The console's Program page in real Chromium against the real API: a tier renamed shows in the live preview before
// it is saved and on the storefront after; the API's 400 is shown beside the field it names; a reward's stock and a
// survey's sampling and questions are saved; axe-core finds nothing in any section, light and dark; Chinese.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { AdminSurvey, Program, ProgramSettings, RewardCatalogue, SurveyList } from '@loyalty-elements/contract';
import { accessibilityViolations, openConsole, signInWithDemoKey } from './support/console.ts';
import { consoleStackPerFile } from './support/console-stack.ts';
import { adminGet as adminGetWith, openProgram as openProgramWith, showSection } from './support/program.ts';
import { DEMO_PUBLISHABLE_KEY, DEMO_SECRET_KEY } from './support/stack.ts';

const running = consoleStackPerFile();

const adminGet = <T>(schema: { parse(value: unknown): T }, path: string) => adminGetWith(running, schema, path);
const programSettings = () => adminGet(ProgramSettings, '/v1/admin/program');
const openProgram = (options: { colorScheme?: 'light' | 'dark'; locale?: string } = {}) =>
  openProgramWith(running, options);

const previewTier = (page: Page) => page.locator('console-program-preview loyalty-tier-progress');
const tierFieldset = (page: Page, tierId: string) =>
  page.locator(`console-tiers-section fieldset[data-tier="${tierId}"]`);

describe('the Program page of the console', () => {
  it('previews a renamed tier before saving, saves it, and the storefront’s tier widget shows it', async () => {
    const { context, page, problems } = await openProgram();
    await showSection(page, 'Tiers');
    const silver = tierFieldset(page, 'silver');
    await silver.getByLabel('Name (English)').fill('Jade');
    await silver.getByLabel('Threshold').fill('1500');

    // demo-shopper-like sample member in the lowest tier: the preview names the next tier, from the draft.
    await previewTier(page).getByText('Next: Jade').waitFor({ timeout: 10_000 });
    const unsaved = await programSettings();
    assert.equal(unsaved.tiers[1]!.name.en, 'Silver', 'nothing is saved before Save');

    await page.locator('console-tiers-section').getByRole('button', { name: 'Save' }).click();
    await page.locator('console-tiers-section').getByRole('status').getByText('Saved.').waitFor();
    const saved = await programSettings();
    assert.equal(saved.tiers[1]!.name.en, 'Jade');
    assert.equal(saved.tiers[1]!.threshold, 1500);
    assert.equal(saved.tiers[1]!.name['zh-CN'], '银卡', 'the other language is kept');
    assert.deepEqual(problems, []);
    await context.close();

    // demo-shopper holds the second tier (3 200 points earned).
    const shop = await running.browser.newPage();
    await shop.goto(`${running.stack.storefrontUrl}/?shopper=demo-shopper&lang=en`);
    await shop.locator('loyalty-tier-progress').getByText('Jade').first().waitFor({ timeout: 15_000 });
    await shop.close();
  });

  it('shows the API’s 400 beside the threshold it names, saves nothing, and stays axe-clean light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page, problems } = await openProgram({ colorScheme });
      await showSection(page, 'Tiers');
      const before = await programSettings();
      const threshold = tierFieldset(page, 'gold').getByLabel('Threshold');
      await threshold.fill('10');
      await page.locator('console-tiers-section').getByRole('button', { name: 'Save' }).click();

      await page.locator('console-tiers-section').getByRole('alert').waitFor();
      assert.equal(await threshold.getAttribute('aria-invalid'), 'true');
      const describedBy = await threshold.getAttribute('aria-describedby');
      assert.ok(describedBy, 'the field points at its message');
      const message = page.locator(`console-tiers-section #${describedBy}`);
      assert.match((await message.textContent()) ?? '', /Refused: Thresholds ascend: 10 is not above/);
      assert.deepEqual(await programSettings(), before, 'nothing was saved');
      assert.deepEqual(await accessibilityViolations(page), [], `${colorScheme}, with a field error`);

      await page.locator('console-tiers-section').getByRole('button', { name: 'Discard' }).click();
      assert.equal(await threshold.inputValue(), String(before.tiers[2]!.threshold));
      assert.equal(await threshold.getAttribute('aria-invalid'), 'false');
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it('saves a reward’s stock', async () => {
    const { context, page, problems } = await openProgram();
    await showSection(page, 'Rewards');
    const { rewards } = await adminGet(RewardCatalogue, '/v1/admin/rewards');
    const reward = rewards[0]!;
    await page.locator(`console-rewards-section tr[data-row="${reward.id}"]`).getByRole('button').click();
    const editor = page.locator('console-reward-editor');
    await editor.getByLabel('Stock (empty: unlimited)').fill(String(reward.redeemed + 42));
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByRole('status').getByText('Saved.').waitFor();

    const after = (await adminGet(RewardCatalogue, '/v1/admin/rewards')).rewards.find((r) => r.id === reward.id)!;
    assert.equal(after.stock, reward.redeemed + 42);
    assert.equal(after.pointsCost, reward.pointsCost, 'the other fields are kept');
    await page
      .locator(`console-rewards-section tr[data-row="${reward.id}"] [data-stock]`)
      .getByText(String(reward.redeemed + 42))
      .waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('saves a survey’s sampling rate on its version, and a changed question as a new version', async () => {
    const { context, page, problems } = await openProgram();
    await showSection(page, 'Surveys');
    const [listed] = (await adminGet(SurveyList, '/v1/admin/surveys')).surveys;
    assert.ok(listed);
    const surveyPath = `/v1/admin/surveys/${listed.id}`;
    await page.locator(`console-surveys-section tr[data-row="${listed.id}"]`).getByRole('button').click();
    const editor = page.locator('console-survey-editor');
    await editor.getByLabel('Sampling rate (% of shoppers asked)').fill('50');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByRole('status').getByText('Saved.').waitFor();
    const sampled = await adminGet(AdminSurvey, surveyPath);
    assert.equal(sampled.samplingRate, 0.5);
    assert.equal(sampled.version, listed.version, 'sampling applies to the survey as a whole: same version');

    const firstQuestion = editor.locator('fieldset').first();
    await firstQuestion.getByLabel('Text (English)').fill('How was your tea today?');
    await page
      .locator('console-program-preview loyalty-satisfaction-survey')
      .getByText('How was your tea today?')
      .waitFor({ timeout: 10_000 });
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByRole('status').getByText('Saved.').waitFor();
    const republished = await adminGet(AdminSurvey, surveyPath);
    assert.equal(republished.version, listed.version + 1, 'a new question text is a new version');
    assert.equal(republished.questions[0]!.text.en, 'How was your tea today?');
    assert.equal(await editor.locator('[data-version]').textContent(), String(listed.version + 1));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('edits a choice question’s options: a changed text and an added option make a new version', async () => {
    const { context, page, problems } = await openProgram();
    await showSection(page, 'Surveys');
    const summaries = (await adminGet(SurveyList, '/v1/admin/surveys')).surveys;
    const surveys = await Promise.all(summaries.map((each) => adminGet(AdminSurvey, `/v1/admin/surveys/${each.id}`)));
    const survey = surveys.find((each) => each.questions.some((question) => 'options' in question));
    assert.ok(survey, 'a demo survey with a choice question');
    const index = survey.questions.findIndex((question) => 'options' in question);
    const question = survey.questions[index] as { id: string; options: { id: string }[] };
    await page.locator(`console-surveys-section tr[data-row="${survey.id}"]`).getByRole('button').click();
    const editor = page.locator('console-survey-editor');
    const fieldset = editor.locator(`fieldset[data-question="${question.id}"]`);
    await fieldset
      .locator(`fieldset[data-option="${question.options[0]!.id}"]`)
      .getByLabel('Option text (English)')
      .fill('Too dear');
    await fieldset.getByRole('button', { name: 'Add an option' }).click();
    const added = fieldset.locator('fieldset[data-option]').last();
    await added.getByLabel('Option text (English)').fill('Moved away');
    assert.deepEqual(await accessibilityViolations(page), []);
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByRole('status').getByText('Saved.').waitFor();
    const saved = await adminGet(AdminSurvey, `/v1/admin/surveys/${survey.id}`);
    assert.equal(saved.version, survey.version + 1, 'new options are a new version');
    const options = (saved.questions[index] as { options: { id: string; text: { en?: string } }[] }).options;
    assert.equal(options.length, question.options.length + 1);
    assert.equal(options[0]!.text.en, 'Too dear');
    assert.equal(options.at(-1)!.text.en, 'Moved away');
    assert.equal(new Set(options.map((option) => option.id)).size, options.length, 'option ids stay unique');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('previews and saves the referral points, and saves the service targets', async () => {
    const { context, page, problems } = await openProgram();
    await showSection(page, 'Referrals');
    const referrals = page.locator('console-referrals-section');
    await referrals.getByLabel('Points for the member who refers').fill('800');
    await page
      .locator('console-program-preview loyalty-ways-to-earn')
      .getByText('you get 800 points')
      .waitFor({ timeout: 10_000 });
    await referrals.getByRole('button', { name: 'Save' }).click();
    await referrals.getByRole('status').getByText('Saved.').waitFor();
    assert.equal((await programSettings()).referrals?.referrerPoints, 800);
    const publicProgram = await fetch(`${running.stack.apiBase}/v1/program?key=${DEMO_PUBLISHABLE_KEY}`);
    assert.equal(Program.parse(await publicProgram.json()).earning?.referral?.referrerPoints, 800);

    await showSection(page, 'Service');
    const service = page.locator('console-service-section');
    const lapsed = service.getByLabel('Days without activity before a member counts as lapsed');
    // Out of bounds, then empty: the page says what it takes, in words, and sends nothing.
    for (const typed of ['3', '']) {
      await lapsed.fill(typed);
      await service.getByRole('button', { name: 'Save' }).click();
      await service.getByRole('alert').getByText('Nothing was sent').waitFor();
      const describedBy = await lapsed.getAttribute('aria-describedby');
      assert.equal(
        await service.locator(`#${describedBy}`).textContent(),
        'Enter a whole number from 7 to 730.',
        `"${typed}"`,
      );
    }
    await lapsed.fill('45');
    await service.getByLabel('Hours to resolve a follow-up before it is overdue').fill('12');
    await service.getByRole('button', { name: 'Save' }).click();
    await service.getByRole('status').getByText('Saved.').waitFor();
    const saved = await programSettings();
    assert.equal(saved.lapsedAfterDays, 45);
    assert.equal(saved.followUpTargetHours, 12);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('asks before leaving unsaved changes through the navigation', async () => {
    const { context, page } = await openProgram();
    await page.locator('console-earning-section').getByLabel('Welcome bonus (points)').fill('77');
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Overview' }).click();
    assert.deepEqual(questions, ['Leave the Program page? Your unsaved changes will be lost.']);
    assert.ok(page.url().endsWith('/console/program'), 'staying keeps the page');
    assert.equal(await page.locator('console-earning-section').getByLabel('Welcome bonus (points)').inputValue(), '77');
    await context.close();
  });

  it('asks before signing out with unsaved changes, and staying keeps them and the session', async () => {
    const { context, page } = await openProgram();
    const bonus = page.locator('console-earning-section').getByLabel('Welcome bonus (points)');
    await bonus.fill('78');
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Sign out' }).click();
    assert.deepEqual(questions, ['Leave the Program page? Your unsaved changes will be lost.']);
    assert.equal(await bonus.inputValue(), '78', 'staying keeps the edit');
    await page.reload();
    await page.locator('console-earning-section form').waitFor({ timeout: 15_000 });
    assert.equal(await page.getByRole('button', { name: 'Sign in with the demo key' }).count(), 0, 'still signed in');
    await context.close();
  });

  it('shows each reward’s own required tier in a reused editor, after a pick was discarded', async () => {
    const { context, page, problems } = await openProgram();
    await showSection(page, 'Rewards');
    const editor = page.locator('console-reward-editor');
    const tier = editor.getByLabel('Required tier');
    await page.locator('console-rewards-section tr[data-row="free-jasmine-tea"]').getByRole('button').click();
    assert.equal(await tier.inputValue(), '');
    await tier.selectOption('gold');
    await editor.getByRole('button', { name: 'Discard' }).click();
    assert.equal(await tier.inputValue(), '', 'discarded: any tier again');
    await page.locator('console-rewards-section tr[data-row="free-express-shipping"]').getByRole('button').click();
    await editor.getByRole('heading', { name: 'Editing: Free express shipping' }).waitFor();
    assert.equal(await tier.inputValue(), 'gold', 'express shipping needs Gold');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('gives a tier added after removing one an id of its own, so the removed tier’s members move down', async () => {
    const { context, page, problems } = await openProgram();
    await showSection(page, 'Tiers');
    const tiers = page.locator('console-tiers-section');
    const original = await programSettings();
    try {
      const save = async () => {
        await tiers.getByRole('button', { name: 'Save' }).click();
        await tiers.getByRole('status').getByText('Saved.').waitFor();
      };
      // A fifth tier, saved: its id is the first free `tier-<n>`.
      await tiers.getByRole('button', { name: 'Add a tier' }).click();
      await save();
      const added = (await programSettings()).tiers.at(-1)!;
      assert.equal((await programSettings()).tiers.length, original.tiers.length + 1);
      // Removed and another added in the same edit: the new one must not take the removed one's id.
      await tierFieldset(page, added.id).getByRole('button', { name: 'Remove this tier' }).click();
      await tiers.getByRole('button', { name: 'Add a tier' }).click();
      const fresh = await tiers.locator('fieldset[data-tier]').last().getAttribute('data-tier');
      assert.notEqual(fresh, added.id, 'a new id, not the removed tier’s');
      await save();
      const ids = (await programSettings()).tiers.map((tier) => tier.id);
      assert.ok(!ids.includes(added.id), `${added.id} is gone: ${ids.join(', ')}`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      // The other tests see the demo's tiers again.
      const restored = await fetch(`${running.stack.apiBase}/v1/admin/program`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ tiers: original.tiers }),
      });
      assert.equal(restored.status, 200, await restored.text());
    }
  });

  it('closes the preview’s SDK client when it makes a new one, and when the page goes', async () => {
    const { context, page, problems } = await openConsole(running.browser, `${running.stack.apiBase}/console/`);
    // Counts the page's live `pagehide` listeners: each SDK client adds one until it is closed.
    await context.addInitScript(() => {
      const live = new Set<unknown>();
      const add = window.addEventListener;
      const remove = window.removeEventListener;
      window.addEventListener = function (this: Window, ...args: Parameters<Window['addEventListener']>) {
        if (args[0] === 'pagehide') live.add(args[1]);
        return add.apply(this, args);
      } as Window['addEventListener'];
      window.removeEventListener = function (this: Window, ...args: Parameters<Window['removeEventListener']>) {
        if (args[0] === 'pagehide') live.delete(args[1]);
        return remove.apply(this, args);
      } as Window['removeEventListener'];
      (window as unknown as { pagehideListeners: () => number }).pagehideListeners = () => live.size;
    });
    await page.reload();
    await signInWithDemoKey(page);
    const listeners = () =>
      page.evaluate(() => (window as unknown as { pagehideListeners(): number }).pagehideListeners());
    const outside = await listeners();
    await page.getByRole('link', { name: 'Program' }).click();
    await previewTier(page).locator('[part~="base"]').first().waitFor({ timeout: 10_000 });
    const withPreview = await listeners();
    assert.ok(withPreview > outside, `the preview's client listens (${outside} → ${withPreview})`);
    const bonus = page.locator('console-earning-section').getByLabel('Welcome bonus (points)');
    for (const points of ['11', '12', '13', '14', '15']) await bonus.fill(points);
    assert.equal(await listeners(), withPreview, 'one client at a time');
    await page.locator('console-earning-section').getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.locator('[data-figure="members-total"] dd').waitFor({ timeout: 15_000 });
    assert.equal(await listeners(), outside, 'none left once the page is gone');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('is axe-clean in every section, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page, problems } = await openProgram({ colorScheme });
      for (const section of ['Earning', 'Tiers', 'Birthday', 'Referrals', 'Rewards', 'Surveys', 'Service']) {
        await showSection(page, section);
        if (section === 'Rewards')
          await page.locator('console-rewards-section tbody tr').first().getByRole('button').click();
        if (section === 'Surveys')
          await page.locator('console-surveys-section tbody tr').first().getByRole('button').click();
        await previewTier(page).locator('[part~="base"]').first().waitFor({ timeout: 10_000 });
        assert.deepEqual(await accessibilityViolations(page), [], `${section}, ${colorScheme}`);
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it('speaks Chinese: the page, its fields and the preview’s widgets; on a phone the preview follows the form', async () => {
    const { context, page, problems } = await openProgram({ locale: 'zh-CN' });
    await page.getByRole('heading', { name: '会员计划', level: 1 }).waitFor();
    await showSection(page, '会员等级');
    await tierFieldset(page, 'member').getByLabel('名称（简体中文）').waitFor();
    await previewTier(page).getByText('会员', { exact: true }).first().waitFor({ timeout: 10_000 });

    // On a phone the preview follows the form, and nothing is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    const form = await page.locator('console-tiers-section').boundingBox();
    const preview = await page.locator('console-program-page aside').boundingBox();
    assert.ok(form && preview && preview.y >= form.y + form.height, 'the preview is below the form');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
