// The merchant console's sign-in through a client generated from the OpenAPI document, each answer checked against
// the document (support/openapi-validator.ts): the demo-mode config, a session cookie for the secret key, reading
// and ending the session, and the cross-site rules a browser's cookie request must pass.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OPERATIONS } from '@loyalty-elements/contract/openapi';
import { startClientsFile, type ClientsFile } from './support/openapi-client.ts';

let file: ClientsFile;
before(async () => {
  file = await startClientsFile();
});
after(() => file.server.close());

/** What the console's own page sends with a write: its origin and the console's header. */
const sameSite = () => ({ Origin: file.server.baseUrl, 'X-Loyalty-Console': '1' });

test('the console: its config, a session for the secret key (204 with a cookie), read, ended; 401 and 403 too', async () => {
  const { anonymous, server } = file;
  const config = await anonymous.GET('/console/api/config');
  assert.equal(config.response.status, 200);

  const wrongKey = await anonymous.POST('/console/api/session', {
    headers: sameSite(),
    body: { secretKey: 'sk_not_the_key' },
  });
  assert.equal(wrongKey.error?.code, 'secret_key_invalid');
  const crossSite = await anonymous.POST('/console/api/session', {
    headers: { Origin: 'http://evil.example', 'X-Loyalty-Console': '1' },
    body: { secretKey: server.config.demoSecretKey },
  });
  assert.equal(crossSite.error?.code, 'cross_site_refused');

  const signedIn = await anonymous.POST('/console/api/session', {
    headers: sameSite(),
    body: { secretKey: server.config.demoSecretKey },
  });
  assert.equal(signedIn.response.status, 204);
  const cookie = /^(loyalty_console=[^;]+)/.exec(signedIn.response.headers.get('Set-Cookie') ?? '')?.[1];
  assert.ok(cookie, 'a session cookie');

  const session = await anonymous.GET('/console/api/session', { headers: { Cookie: cookie } });
  assert.equal(session.response.status, 200);
  assert.ok(session.data?.program.id);
  assert.equal((await anonymous.GET('/console/api/session')).error?.code, 'console_session_invalid');

  const forged = await anonymous.DELETE('/console/api/session', { headers: { Cookie: cookie } });
  assert.equal(forged.error?.code, 'cross_site_refused', 'a write with the cookie alone is refused');
  const ended = await anonymous.DELETE('/console/api/session', { headers: { Cookie: cookie, ...sameSite() } });
  assert.equal(ended.response.status, 204);
  const afterEnd = await anonymous.GET('/console/api/session', { headers: { Cookie: cookie } });
  assert.equal(afterEnd.error?.code, 'console_session_invalid');
});

test('every operation of the console’s sign-in was called: a success and an error', () => {
  const ids = Object.keys(OPERATIONS).filter((id) => OPERATIONS[id]!.path.startsWith('/console/'));
  file.coverage.assertCovered(ids, ['getConsoleConfig']);
});
