import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONSOLE_REQUEST_HEADER, ConsoleConfig, ConsoleSession, consolePaths, paths } from '@loyalty-elements/contract';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { expectProblem, parseExactly } from './support/http.ts';
import { clockedServerPerFile } from './support/loyalty.ts';
import type { TestServer } from './support/server.ts';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/logger.ts';
import { revokeKey, rotateKey } from '../src/domain/program-keys.ts';
import { ownProgram } from './support/orders.ts';

// The console's sign-in: a secret key exchanged for a server-side session in an HttpOnly cookie, refused from
// other sites, ended on sign-out, expiring when idle and at the latest a day after sign-in.

const HOUR_MS = 60 * 60 * 1000;

describe('console sessions', () => {
  let api: TestServer;
  let server: TestServer;
  const clock = clockedServerPerFile((started) => ({ api, server } = started));

  /** What the console's own page sends with a request that changes something. */
  const fromConsole = () => ({ [CONSOLE_REQUEST_HEADER]: '1', Origin: api.baseUrl, 'Sec-Fetch-Site': 'same-origin' });

  const signIn = (secretKey: string, headers: Record<string, string> = fromConsole()) =>
    fetch(api.baseUrl + consolePaths.session, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ secretKey }),
    });

  /** Signs in with the demo key; returns the cookie to send back. */
  const session = async (): Promise<string> => {
    const res = await signIn(api.config.demoSecretKey);
    assert.equal(res.status, 204, await res.text());
    return res.headers.get('Set-Cookie')!.split(';')[0]!;
  };
  const withCookie = (cookie: string, path: string, init: RequestInit = {}) =>
    fetch(api.baseUrl + path, { ...init, headers: { Cookie: cookie, ...(init.headers as Record<string, string>) } });
  const sessionOf = (cookie: string) => withCookie(cookie, consolePaths.session);

  test('signing in sets an HttpOnly, SameSite=Strict cookie for 8 hours, not Secure on 127.0.0.1', async () => {
    const res = await signIn(api.config.demoSecretKey);
    assert.equal(res.status, 204);
    const cookie = res.headers.get('Set-Cookie') ?? '';
    assert.match(cookie, /^loyalty_console=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.match(cookie, /; Path=\//);
    assert.match(cookie, /; Max-Age=28800/);
    assert.doesNotMatch(cookie, /Secure/);
  });

  test('the session names its program and opens the admin routes without the key', async () => {
    clock.set('2031-05-01T00:00:00.000Z');
    const cookie = await session();
    const res = await sessionOf(cookie);
    assert.equal(res.status, 200);
    assert.deepEqual(parseExactly(ConsoleSession, await res.json()), {
      program: { id: DEMO_SEED.program.id, name: DEMO_SEED.program.name },
      expiresAt: '2031-05-01T08:00:00.000Z',
    });
    assert.equal((await withCookie(cookie, consolePaths.overview)).status, 200);
  });

  test('a wrong or malformed key is 401 secret_key_invalid or 400, and sets no cookie', async () => {
    const wrong = await signIn('sk_not_a_key');
    await expectProblem(wrong, 401, 'secret_key_invalid');
    assert.equal(wrong.headers.get('Set-Cookie'), null);
    await expectProblem(await signIn(''), 400, 'validation_failed');
  });

  test('signing out ends the session: the old cookie is refused from then on', async () => {
    const cookie = await session();
    await expectProblem(
      await withCookie(cookie, consolePaths.session, { method: 'DELETE' }),
      403,
      'cross_site_refused',
    );
    const out = await withCookie(cookie, consolePaths.session, { method: 'DELETE', headers: fromConsole() });
    assert.equal(out.status, 204);
    assert.match(out.headers.get('Set-Cookie') ?? '', /^loyalty_console=;.*Max-Age=0/);
    await expectProblem(await sessionOf(cookie), 401, 'console_session_invalid');
    await expectProblem(await withCookie(cookie, consolePaths.overview), 401, 'console_session_invalid');
  });

  test('several sessions of one program run at once; ending one leaves the others', async () => {
    const [first, second, third] = [await session(), await session(), await session()];
    assert.equal(new Set([first, second, third]).size, 3);
    await withCookie(second!, consolePaths.session, { method: 'DELETE', headers: fromConsole() });
    assert.equal((await sessionOf(first!)).status, 200);
    assert.equal((await sessionOf(third!)).status, 200);
    await expectProblem(await sessionOf(second!), 401, 'console_session_invalid');
  });

  test('a session expires after 8 idle hours; each use slides it, never past 24 hours from sign-in', async () => {
    clock.set('2031-06-01T00:00:00.000Z');
    const idle = await session();
    const busy = await session();
    for (let hour = 7; hour <= 21; hour += 7) {
      clock.set(new Date(Date.parse('2031-06-01T00:00:00.000Z') + hour * HOUR_MS));
      const res = await sessionOf(busy);
      assert.equal(res.status, 200, `busy at ${hour} h`);
      const { expiresAt } = parseExactly(ConsoleSession, await res.json());
      const expected = Math.min(hour + 8, 24);
      assert.equal(expiresAt, new Date(Date.parse('2031-06-01T00:00:00.000Z') + expected * HOUR_MS).toISOString());
    }
    await expectProblem(await sessionOf(idle), 401, 'console_session_invalid');
    clock.set('2031-06-01T23:59:00.000Z');
    assert.equal((await sessionOf(busy)).status, 200);
    clock.set('2031-06-02T00:00:01.000Z');
    await expectProblem(await sessionOf(busy), 401, 'console_session_invalid');
  });

  test('a session ends with the secret key it was opened with: rotated out past its grace, or revoked', async () => {
    clock.set('2031-07-01T00:00:00.000Z');
    const program = await ownProgram(api, {});
    const cookieOf = async (secretKey: string) => {
      const res = await signIn(secretKey);
      assert.equal(res.status, 204, await res.text());
      return res.headers.get('Set-Cookie')!.split(';')[0]!;
    };
    const rotateWithAnHourOfGrace = () =>
      rotateKey(api.db, { programId: program.id, kind: 'secret', graceMs: HOUR_MS, now: clock.now() });
    const opened = await cookieOf(program.secretKey);
    const rotated = await rotateWithAnHourOfGrace();
    const withNewKey = await cookieOf(rotated.key);
    assert.equal((await sessionOf(opened)).status, 200, 'the old key is in its grace period');
    clock.set('2031-07-01T01:00:01.000Z');
    await expectProblem(await sessionOf(opened), 401, 'console_session_invalid');
    await expectProblem(await withCookie(opened, consolePaths.overview), 401, 'console_session_invalid');
    assert.equal((await sessionOf(withNewKey)).status, 200, 'a session of the key now current goes on');

    const leaked = await rotateWithAnHourOfGrace();
    const beforeRevoke = await cookieOf(rotated.key);
    await revokeKey(api.db, rotated.key, clock.now());
    await expectProblem(await sessionOf(beforeRevoke), 401, 'console_session_invalid');
    await expectProblem(await sessionOf(withNewKey), 401, 'console_session_invalid');
    assert.equal((await sessionOf(await cookieOf(leaked.key))).status, 200);
  });

  test('a cookie request from another site, or a change without the console header and origin, is 403', async () => {
    const cookie = await session();
    await expectProblem(
      await withCookie(cookie, consolePaths.overview, { headers: { 'Sec-Fetch-Site': 'cross-site' } }),
      403,
      'cross_site_refused',
    );
    const change = (headers: Record<string, string>) =>
      withCookie(cookie, paths.customerTransactions('nobody'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{}',
      });
    await expectProblem(await change({}), 403, 'cross_site_refused');
    await expectProblem(await change({ Origin: api.baseUrl }), 403, 'cross_site_refused');
    await expectProblem(
      await change({ [CONSOLE_REQUEST_HEADER]: '1', Origin: 'http://evil.example' }),
      403,
      'cross_site_refused',
    );
    // Past the CSRF rules, the route itself answers.
    const { status } = await change(fromConsole());
    assert.notEqual(status, 403);
    await expectProblem(
      await signIn(api.config.demoSecretKey, { Origin: 'http://evil.example' }),
      403,
      'cross_site_refused',
    );
  });

  test('a Bearer secret key works as before: with or without a cookie, and still refused from a page', async () => {
    const cookie = await session();
    await withCookie(cookie, consolePaths.session, { method: 'DELETE', headers: fromConsole() });
    const bearer = { Authorization: `Bearer ${api.config.demoSecretKey}` };
    assert.equal((await withCookie(cookie, consolePaths.overview, { headers: bearer })).status, 200);
    assert.equal((await fetch(api.baseUrl + consolePaths.overview, { headers: bearer })).status, 200);
    await expectProblem(
      await fetch(api.baseUrl + consolePaths.overview, { headers: { ...bearer, Origin: 'http://evil.example' } }),
      403,
      'secret_key_in_browser',
    );
  });

  test('the config offers the demo key in demo mode only', async () => {
    const demo = await fetch(server.baseUrl + consolePaths.config);
    assert.deepEqual(parseExactly(ConsoleConfig, await demo.json()), {
      demo: true,
      demoSecretKey: server.config.demoSecretKey,
    });
    const production = createApp({
      db: server.db,
      demo: false,
      logger: createLogger('silent'),
      console: { demoSecretKey: 'sk_never_shown' },
    });
    const res = await production.request(consolePaths.config);
    assert.deepEqual(parseExactly(ConsoleConfig, await res.json()), { demo: false });
  });

  test('the cookie is Secure on any host but localhost', async () => {
    const app = createApp({ db: server.db, logger: createLogger('silent') });
    const res = await app.request(`https://console.example${consolePaths.session}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [CONSOLE_REQUEST_HEADER]: '1', Origin: 'https://console.example' },
      body: JSON.stringify({ secretKey: server.config.demoSecretKey }),
    });
    assert.equal(res.status, 204);
    assert.match(res.headers.get('Set-Cookie') ?? '', /; Secure/);
  });
});
