import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  IDEMPOTENCY_KEY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  paths,
  rewardPaths,
  surveyPaths,
} from '@loyalty-elements/contract';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';
import { demoToken, expectProblem, nowSeconds } from './support/http.ts';

// Text no UTF-8 column can hold. JSON carries them as escapes, which every JSON parser decodes.
const HOSTILE_TEXT = {
  nul: 'Ann\u0000Lee',
  'lone high surrogate': 'Ann\uD800Lee',
  'lone low surrogate': 'Ann\uDC00Lee',
};
// A pair is fine: one emoji.
const PAIRED = 'Ann \uD83C\uDF89 Lee';

let server: TestServer;
let customerId: string;
before(async () => {
  server = await startTestServer();
  customerId = await createDemoCustomer(server, 'hostile');
});
after(() => server?.close());

async function ledgerCount(): Promise<number> {
  const [row] = await server.db.query<{ count: number | string }>('SELECT count(*) AS count FROM ledger_entries');
  return Number(row?.count);
}

async function customerCount(): Promise<number> {
  const [row] = await server.db.query<{ count: number | string }>('SELECT count(*) AS count FROM customers');
  return Number(row?.count);
}

function admin(path: string, method: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(server.baseUrl + path, {
    method,
    headers: {
      Authorization: `Bearer ${server.config.demoSecretKey}`,
      'Content-Type': 'application/json',
      [IDEMPOTENCY_KEY_HEADER]: randomUUID(),
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

async function asCustomer(path: string, method: string, body?: unknown, sub = customerId) {
  return fetch(server.baseUrl + path, {
    method,
    headers: {
      Authorization: `Bearer ${await demoToken(server, sub)}`,
      [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey,
      [IDEMPOTENCY_KEY_HEADER]: randomUUID(),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A 400 validation_failed whose field errors name `path`, and the server still answers afterwards. */
async function expectFieldRefused(res: Response, path: string): Promise<void> {
  const problem = await expectProblem(res, 400, 'validation_failed');
  assert.ok(
    problem.errors?.some((error) => error.path === path),
    `expected a field error at ${path}: ${JSON.stringify(problem.errors)}`,
  );
}

describe('text no database can store is a 400 naming its field, and nothing is written', () => {
  for (const [name, text] of Object.entries(HOSTILE_TEXT)) {
    test(`a ${name}`, async () => {
      const entries = await ledgerCount();
      const customers = await customerCount();

      await expectFieldRefused(
        await admin(paths.customerTransactions(customerId), 'POST', { type: 'earn', points: 10, reason: text }),
        'body.reason',
      );
      await expectFieldRefused(await admin(paths.customer(`new-${randomUUID()}`), 'PUT', { name: text }), 'body.name');
      if (text.includes('\u0000')) {
        // A path carries a NUL as %00; a lone surrogate has no UTF-8 form to percent-encode.
        await expectFieldRefused(await admin(paths.customer(`id-${text}`), 'PUT', { name: 'Ann' }), 'path.customerId');
        await expectFieldRefused(
          await admin(paths.customerTransactions(`id-${text}`), 'POST', { type: 'earn', points: 10 }),
          'path.customerId',
        );
      }
      await expectFieldRefused(
        await admin(rewardPaths.reward('hostile-reward'), 'PUT', {
          name: { en: text },
          description: { en: 'A reward' },
          pointsCost: 100,
          requiredTierId: null,
          stock: null,
          validityDays: null,
          availableFrom: null,
          availableUntil: null,
          active: true,
        }),
        'body.name.en',
      );
      await expectFieldRefused(
        await asCustomer(surveyPaths.response(randomUUID()), 'PUT', {
          surveyId: 'post-purchase-nps',
          version: 1,
          sequence: 1,
          answers: { nps: 3, complaint: text },
        }),
        'body.answers.complaint',
      );

      // A token whose subject cannot be a customer id is not a valid token.
      const bad = await fetch(server.baseUrl + paths.summary, {
        headers: {
          Authorization: `Bearer ${await demoToken(server, text)}`,
          [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey,
        },
      });
      await expectProblem(bad, 401, 'token_invalid');

      assert.equal(await ledgerCount(), entries);
      assert.equal(await customerCount(), customers);
      assert.equal(server.loggedErrors.length, 0, String(server.loggedErrors[0]));
    });
  }

  test('text with a surrogate pair (an emoji) is stored as sent', async () => {
    const id = `emoji-${randomUUID()}`;
    const res = await admin(paths.customer(id), 'PUT', { name: PAIRED });
    assert.equal(res.status, 201, await res.clone().text());
    assert.equal(((await res.json()) as { customer: { name: string } }).customer.name, PAIRED);
  });
});

describe('numbers past their column are a 400, not a 500', () => {
  test('a dismissal of survey version 2147483648', async () => {
    await expectFieldRefused(
      await asCustomer(surveyPaths.dismissals('post-purchase-nps'), 'POST', { version: 2_147_483_648 }),
      'body.version',
    );
  });

  test('a response to survey version 2147483648', async () => {
    await expectFieldRefused(
      await asCustomer(surveyPaths.response(randomUUID()), 'PUT', {
        surveyId: 'post-purchase-nps',
        version: 2_147_483_648,
        sequence: 1,
        answers: {},
      }),
      'body.version',
    );
  });

  test('an earn of more points than a transaction may carry', async () => {
    await expectFieldRefused(
      await admin(paths.customerTransactions(customerId), 'POST', { type: 'earn', points: Number.MAX_SAFE_INTEGER }),
      'body.points',
    );
  });
});

describe('customer tokens', () => {
  test('one issued more than 60 s in the future is invalid, even with a short lifetime', async () => {
    const iat = nowSeconds() + 10 * 365 * 24 * 60 * 60;
    const token = await demoToken(server, customerId, { iat, exp: iat + 600 });
    const res = await fetch(server.baseUrl + paths.summary, {
      headers: { Authorization: `Bearer ${token}`, [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey },
    });
    await expectProblem(res, 401, 'token_invalid');
  });

  test('one issued a few seconds ahead (clock drift) is accepted', async () => {
    const iat = nowSeconds() + 20;
    const token = await demoToken(server, customerId, { iat, exp: iat + 600 });
    const res = await fetch(server.baseUrl + paths.summary, {
      headers: { Authorization: `Bearer ${token}`, [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey },
    });
    assert.equal(res.status, 200, await res.text());
  });
});

describe('bodies that are not JSON', () => {
  for (const contentType of [undefined, 'text/plain', 'application/x-www-form-urlencoded']) {
    test(`a write with ${contentType ?? 'no Content-Type'} is 415, and nothing is written`, async () => {
      const entries = await ledgerCount();
      const headers: Record<string, string> = {
        Authorization: `Bearer ${server.config.demoSecretKey}`,
        [IDEMPOTENCY_KEY_HEADER]: randomUUID(),
      };
      const body = new Blob([JSON.stringify({ type: 'earn', points: 10 })], contentType ? { type: contentType } : {});
      if (contentType) headers['Content-Type'] = contentType;
      const res = await fetch(server.baseUrl + paths.customerTransactions(customerId), {
        method: 'POST',
        headers,
        body,
      });
      await expectProblem(res, 415, 'unsupported_media_type');
      assert.equal(await ledgerCount(), entries);
    });
  }

  test('application/json with a charset is fine, and a write without a body needs no type', async () => {
    const res = await admin(
      paths.customerTransactions(customerId),
      'POST',
      { type: 'earn', points: 10 },
      {
        'Content-Type': 'application/json; charset=utf-8',
      },
    );
    assert.equal(res.status, 201, await res.text());
    const dismissal = await fetch(server.baseUrl + surveyPaths.dismissals('account-csat'), {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await demoToken(server, customerId)}`,
        [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey,
      },
    });
    assert.equal(dismissal.status, 201, await dismissal.text());
  });
});
