import { memberPaths } from './http.ts';
import type { Operation } from './openapi-operation.ts';
import { LapsedMembers, LapsedMembersQuery, WinBackRequest, WinBackResult } from './win-backs.ts';

/** Lapsed members and win-back gifts, from the merchant's backend or console (secret key). */
export const WIN_BACK_OPERATIONS: Record<string, Operation> = {
  listLapsedMembers: {
    method: 'get',
    path: memberPaths.lapsed,
    summary: 'Active members with no activity for the program’s lapsedAfterDays, longest lapsed first',
    auth: 'secret',
    query: LapsedMembersQuery,
    response: LapsedMembers,
  },
  winBackCustomer: {
    method: 'post',
    path: memberPaths.winBackPattern,
    summary: 'Give a lapsed member points or a reward (spending no points) to win them back; once per key',
    auth: 'secret',
    body: WinBackRequest,
    response: WinBackResult,
    status: 201,
    idempotent: true,
    problems: {
      404: ['customer_not_found', 'reward_not_found'],
      409: ['membership_ended', 'customer_erased', 'reward_unavailable', 'reward_out_of_stock'],
      422: ['idempotency_key_reused'],
    },
  },
};
