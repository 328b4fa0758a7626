import {
  FollowUpAssignment,
  FollowUpCase,
  FollowUpListQuery,
  FollowUpNote,
  FollowUpNoteRequest,
  FollowUpPage,
  FollowUpResolutionRequest,
} from './follow-ups.ts';
import { followUpPaths } from './http.ts';
import type { Operation } from './openapi-operation.ts';

/** Service recovery, from the merchant's backend or console (secret key): the follow-up queue and its work. */
export const FOLLOW_UP_OPERATIONS: Record<string, Operation> = {
  listFollowUps: {
    method: 'get',
    path: followUpPaths.followUps,
    summary: 'The follow-up queue: open ones oldest first (the most overdue lead), then closed ones',
    auth: 'secret',
    query: FollowUpListQuery,
    response: FollowUpPage,
  },
  getFollowUp: {
    method: 'get',
    path: followUpPaths.followUpPattern,
    summary: 'One follow-up with its notes, resolution and the shopper’s answer to the check',
    auth: 'secret',
    response: FollowUpCase,
    problems: { 404: ['follow_up_not_found'] },
  },
  assignFollowUp: {
    method: 'patch',
    path: followUpPaths.followUpPattern,
    summary: 'Assign a follow-up to someone (null: nobody)',
    auth: 'secret',
    body: FollowUpAssignment,
    response: FollowUpCase,
    problems: { 404: ['follow_up_not_found'] },
  },
  addFollowUpNote: {
    method: 'post',
    path: followUpPaths.notesPattern,
    summary: 'Add an internal note to a follow-up (never shown to the shopper)',
    auth: 'secret',
    body: FollowUpNoteRequest,
    response: FollowUpNote,
    status: 201,
    problems: { 404: ['follow_up_not_found'], 409: ['customer_erased'] },
  },
  resolveFollowUp: {
    method: 'post',
    path: followUpPaths.resolutionPattern,
    summary: 'Resolve a follow-up with its outcome and, optionally, goodwill points; once per follow-up',
    auth: 'secret',
    body: FollowUpResolutionRequest,
    response: FollowUpCase,
    idempotent: true,
    problems: {
      404: ['follow_up_not_found'],
      409: ['follow_up_closed', 'membership_ended', 'customer_erased'],
      422: ['idempotency_key_reused'],
    },
  },
};
