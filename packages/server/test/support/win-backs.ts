import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  IDEMPOTENCY_KEY_HEADER,
  LapsedMembers,
  memberPaths,
  rewardPaths,
  WinBackResult,
  type LapsedMember,
  type RewardDraft,
} from '@loyalty-elements/contract';
import { parseExactly } from './http.ts';
import { admin } from './members.ts';
import { rewardDraft } from './rewards.ts';
import type { TestServer } from './server.ts';

/** Posts a win-back for the customer with the demo secret key. */
export function postWinBack(
  server: TestServer,
  customerId: string,
  body: unknown,
  idempotencyKey: string | null = randomUUID(),
): Promise<Response> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${server.config.demoSecretKey}`,
    'Content-Type': 'application/json',
  };
  if (idempotencyKey !== null) headers[IDEMPOTENCY_KEY_HEADER] = idempotencyKey;
  return fetch(server.baseUrl + memberPaths.winBack(customerId), {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function expectWinBack(res: Response): Promise<WinBackResult> {
  assert.equal(res.status, 201, await res.clone().text());
  return parseExactly(WinBackResult, await res.json());
}

export async function lapsedPage(server: TestServer, query = ''): Promise<LapsedMembers> {
  const res = await admin(server, `${memberPaths.lapsed}${query}`);
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(LapsedMembers, await res.json());
}

/** Every lapsed member, page after page of `limit`. */
export async function allLapsed(server: TestServer, limit = 100): Promise<LapsedMember[]> {
  const members: LapsedMember[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const page = await lapsedPage(server, query);
    members.push(...page.members);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return members;
}

/** Creates a reward with `overrides` and returns its id. */
export async function createReward(server: TestServer, overrides: Partial<RewardDraft> = {}): Promise<string> {
  const rewardId = `wb-${randomUUID().slice(0, 12)}`;
  const res = await admin(server, rewardPaths.reward(rewardId), { method: 'PUT', body: rewardDraft(overrides) });
  assert.equal(res.status, 201, await res.clone().text());
  return rewardId;
}
