// The merchant backend example receiving webhooks, between real processes: the API (demo mode, in memory) delivers to
// the example's POST /webhooks, which verifies each event and turns birthdays and expiring points into messages. The
// API's own scheduler finds a birthday coming and points expiring; signed events test the rest.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { WebhookEvent } from '@loyalty-elements/contract';
// @ts-expect-error: a plain ESM script without types, shared with the demo and the component tests
import { startApi } from '../scripts/start-api.mjs';
import { signEvent } from '../packages/server/src/domain/webhooks/signing.ts';
import { birthdayMessage, expiryMessage } from '../examples/merchant-backend/messages.ts';
import { DEMO_SECRET_KEY, freePort } from './support/stack.ts';

const exampleDir = fileURLToPath(new URL('../examples/merchant-backend/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'loyalty-merchant-webhooks-'));
const messagesFile = join(scratch, 'messages.log');
const run = promisify(execFile);

let api: { baseUrl: string; stop(): Promise<void> } | undefined;
let backend: { output: string[]; stop(): Promise<void> } | undefined;
let webhookUrl: string;
let secret: string;

async function eventually(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs the example's server.ts and resolves once it listens; its output lines are kept. */
async function startBackend(port: number): Promise<{ output: string[]; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: exampleDir,
    env: {
      ...process.env,
      PORT: String(port),
      LOYALTY_WEBHOOK_SECRET: secret,
      MESSAGES_FILE: messagesFile,
      MESSAGES_LOCALE: 'zh-CN',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => output.push(line));
  createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await eventually(() => output.some((line) => line.includes('listening on')), 'the merchant backend', 60_000);
  return {
    output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

before(async () => {
  api = await startApi({
    env: { LOYALTY_WEBHOOKS_POLL_MS: '100', LOYALTY_SCHEDULER_INTERVAL_MS: '200', LOYALTY_LOG_LEVEL: 'warn' },
  });
  const port = await freePort();
  webhookUrl = `http://127.0.0.1:${port}/webhooks`;
  const registered = await run(process.execPath, ['--import', 'tsx', 'register-webhook.ts'], {
    cwd: exampleDir,
    env: { ...process.env, LOYALTY_API_URL: api!.baseUrl, WEBHOOK_URL: webhookUrl },
  });
  secret = /LOYALTY_WEBHOOK_SECRET=(whsec_\S+)/.exec(registered.stdout)?.[1] ?? '';
  assert.ok(secret, registered.stdout);
  backend = await startBackend(port);
});

after(async () => {
  await backend?.stop();
  await api?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** The messages the example wrote for one customer (the scheduler also reminds the demo's seeded shoppers). */
const messages = (customerId = SIGNED_CUSTOMER) =>
  (existsSync(messagesFile) ? readFileSync(messagesFile, 'utf8').split('\n') : []).filter((line) =>
    line.startsWith(`${customerId}\t`),
  );

/** The customer of the events this test signs itself. */
const SIGNED_CUSTOMER = 'signed-events-shopper';
const DAY_MS = 24 * 60 * 60 * 1000;

function admin(path: string, method: string, body: unknown): Promise<Response> {
  return fetch(`${api!.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${DEMO_SECRET_KEY}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(),
    },
    body: JSON.stringify(body),
  });
}

type EventOf<T extends WebhookEvent['type']> = Extract<WebhookEvent, { type: T }>;

function event<T extends WebhookEvent['type']>(type: T, data: EventOf<T>['data']): EventOf<T> {
  return WebhookEvent.parse({
    id: randomUUID(),
    type,
    createdAt: new Date().toISOString(),
    programId: 'demo',
    customerId: SIGNED_CUSTOMER,
    data,
  }) as EventOf<T>;
}

function deliver(signed: ReturnType<typeof signEvent>): Promise<Response> {
  return fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signed.headers },
    body: signed.body,
  });
}

describe('the merchant backend example receives webhooks', () => {
  it('logs a points.earned event the API delivers after an admin transaction', async () => {
    const customerId = `webhooks-${randomUUID().slice(0, 8)}`;
    assert.equal((await admin(`/v1/admin/customers/${customerId}`, 'PUT', { name: 'Webhook Wu' })).status, 201);
    const earned = await admin(`/v1/admin/customers/${customerId}/transactions`, 'POST', {
      type: 'earn',
      points: 120,
      reason: 'Order #2001',
    });
    assert.equal(earned.status, 201);
    await eventually(
      () => backend!.output.some((line) => line.startsWith('event: points.earned') && line.endsWith(customerId)),
      'the points.earned event in the backend log',
    );
    assert.deepEqual(messages(customerId), [], 'points.earned is logged, not sent as a message');
  });

  it('sends the birthday greeting and the expiry reminder that the API scheduled by itself', async () => {
    const customerId = `reminded-${randomUUID().slice(0, 8)}`;
    // A birthday six days away and points expiring in three, in the demo program's zone (Asia/Shanghai).
    const [, month, day] = new Date(Date.now() + 6 * DAY_MS)
      .toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' })
      .split('-')
      .map(Number);
    const birthday = { month, day, calendar: 'gregorian' };
    assert.equal((await admin(`/v1/admin/customers/${customerId}`, 'PUT', { name: 'Wu Lan', birthday })).status, 201);
    const expiresAt = new Date(Date.now() + 3 * DAY_MS).toISOString();
    const earn = { type: 'earn', points: 300, reason: 'Tea', expiresAt };
    assert.equal((await admin(`/v1/admin/customers/${customerId}/transactions`, 'POST', earn)).status, 201);
    await eventually(() => messages(customerId).length === 2, 'a birthday greeting and an expiry reminder', 30_000);
    const sent = messages(customerId).map((line) => line.split('\t')[2] ?? '');
    assert.match(sent.find((text) => text.includes('生日')) ?? '', /提前祝您生日快乐/);
    assert.match(sent.find((text) => text.includes('积分')) ?? '', /您有300积分将于.*到期/);
  });

  it('turns birthday.upcoming and points.expiring into messages, in the locale it chose', async () => {
    const birthdayEvent = event('birthday.upcoming', { date: '2027-03-05', daysBefore: 7 });
    const expiringEvent = event('points.expiring', { points: 1200, expiresAt: '2027-01-31T15:59:59.000Z' });
    const birthday = signEvent(birthdayEvent, secret, new Date());
    const expiring = signEvent(expiringEvent, secret, new Date());
    assert.equal((await deliver(birthday)).status, 204);
    assert.equal((await deliver(expiring)).status, 204);
    await eventually(() => messages().length === 2, 'two messages');
    assert.deepEqual(messages(), [
      `${SIGNED_CUSTOMER}\tzh-CN\t提前祝您生日快乐！您的生日（2027年3月5日）礼物已备好，届时登录即可领取。`,
      `${SIGNED_CUSTOMER}\tzh-CN\t您有1,200积分将于2027年1月31日到期，记得在此之前使用。`,
    ]);
    // The same events in English, as the example writes them for an English-speaking shopper.
    const english = [birthdayMessage(birthdayEvent, 'en'), expiryMessage(expiringEvent, 'en')];
    assert.deepEqual(english, [
      'Happy birthday soon! A gift is waiting for you on your birthday, March 5, 2027.',
      '1,200 points expire on January 31, 2027. Use them before then.',
    ]);
  });

  it('refuses a tampered event with 400 and ignores a replayed one', async () => {
    const before = messages().length;
    const signed = signEvent(
      event('points.expiring', { points: 50, expiresAt: '2027-02-28T00:00:00.000Z' }),
      secret,
      new Date(),
    );
    const tampered = await deliver({ ...signed, body: signed.body.replace('"points":50', '"points":5000') });
    assert.equal(tampered.status, 400);
    assert.equal(await tampered.text(), 'bad_signature');
    assert.equal(messages().length, before);

    assert.equal((await deliver(signed)).status, 204);
    await eventually(() => messages().length === before + 1, 'the genuine event');
    assert.equal((await deliver(signed)).status, 204);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(messages().length, before + 1, 'a replayed id writes nothing new');
  });
});
