// What the console's Service recovery tests need: a complaint raised through the shopper's own API, the follow-up
// it raised, and the Service recovery page opened in a signed-in console.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import {
  FollowUpCase,
  PUBLISHABLE_KEY_HEADER,
  followUpPaths,
  surveyPaths,
  type SurveyResponseUpdate,
} from '@loyalty-elements/contract';
import { loadConfig, startServer } from '@loyalty-elements/server';
import { openConsole, signInWithDemoKey } from './console.ts';
import { createShopper, shopperToken } from './loyalty-api.ts';
import { DEMO_PUBLISHABLE_KEY, DEMO_SECRET_KEY } from './stack.ts';

/** The demo program's NPS survey: a score of 0–6 with a comment and consent to be contacted raises a follow-up. */
const NPS_SURVEY = { id: 'post-purchase-nps', version: 1 };

export interface Complaint {
  customerId: string;
  followUp: FollowUpCase;
}

/** A detractor's counted answer to the demo NPS survey, sent as the shopper's widget sends it; returns its follow-up. */
export async function complain(apiBase: string, prefix: string, comment: string): Promise<Complaint> {
  const customerId = await createShopper(apiBase, prefix);
  const body: SurveyResponseUpdate = {
    surveyId: NPS_SURVEY.id,
    version: NPS_SURVEY.version,
    sequence: 1,
    answers: { nps: 2, what_went_wrong: { options: ['late_delivery'] }, complaint: comment },
    complete: true,
    contactConsent: true,
  };
  const saved = await fetch(apiBase + surveyPaths.response(randomUUID()), {
    method: 'PUT',
    headers: {
      Authorization: `Bearer ${await shopperToken(customerId)}`,
      [PUBLISHABLE_KEY_HEADER]: DEMO_PUBLISHABLE_KEY,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!saved.ok) throw new Error(`The complaint answered ${saved.status}: ${await saved.text()}`);
  const queue = await adminJson(apiBase, `${followUpPaths.followUps}?status=open&limit=200`);
  const followUp = (queue as { followUps: unknown[] }).followUps
    .map((item) => FollowUpCase.parse(item))
    .find((item) => item.customer.id === customerId);
  if (!followUp) throw new Error(`No follow-up was raised for ${customerId}`);
  return { customerId, followUp };
}

/** A follow-up as the admin API has it now. */
export async function followUpFromApi(apiBase: string, followUpId: string): Promise<FollowUpCase> {
  return FollowUpCase.parse(await adminJson(apiBase, followUpPaths.followUp(followUpId)));
}

/** An admin call with the demo secret key, as the merchant's backend makes it; the answer's JSON. */
export async function adminJson(apiBase: string, path: string, init: RequestInit = {}): Promise<unknown> {
  const res = await fetch(apiBase + path, {
    ...init,
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}`, 'Content-Type': 'application/json', ...init.headers },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

/** The console signed in with the demo key, on its Service recovery page with the queue shown. */
export async function openRecoveryPage(
  browser: Browser,
  apiBase: string,
  options: { colorScheme?: 'light' | 'dark'; locale?: string } = {},
) {
  const opened = await openConsole(browser, `${apiBase}/console/`, options);
  await signInWithDemoKey(opened.page);
  await opened.page.locator('nav a[href$="/recovery"]').click();
  await opened.page.locator('console-recovery-page table, console-recovery-page p.card').first().waitFor();
  return opened;
}

/** The queue's row of a follow-up. */
export const queueRow = (page: Page, followUpId: string) =>
  page.locator(`console-recovery-page tr[data-follow-up="${followUpId}"]`);

/**
 * The reference API in this process with a clock the test moves forward (the stack's API runs on the real clock),
 * for what only time brings: follow-ups past their due time.
 */
export async function startClockedApi() {
  let aheadMs = 0;
  const now = () => new Date(Date.now() + aheadMs);
  const server = await startServer(
    loadConfig({
      PORT: '0',
      LOYALTY_DATA_DIR: 'memory://',
      LOYALTY_LOG_LEVEL: 'silent',
      LOYALTY_SCHEDULER_INTERVAL_MS: '0',
      LOYALTY_WEBHOOKS_POLL_MS: '0',
    }),
    { now },
  );
  return {
    apiBase: server.url.replace('127.0.0.1', 'localhost'),
    now,
    advance: (ms: number) => void (aheadMs += ms),
    close: () => server.close(),
  };
}
