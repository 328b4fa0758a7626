import {
  FollowUpCase,
  FollowUpNote,
  FollowUpPage,
  IDEMPOTENCY_KEY_HEADER,
  followUpPaths,
  type FollowUpResolutionRequest,
} from '@loyalty-elements/contract';
import { read, send } from './transport.ts';

/** The queue's filters: open ones, only the overdue among them, closed ones, or everything. */
export type QueueFilter = 'open' | 'overdue' | 'closed' | 'all';
export const QUEUE_FILTERS: readonly QueueFilter[] = ['open', 'overdue', 'closed', 'all'];

/** How many follow-ups one "show more" adds. */
export const QUEUE_PAGE_SIZE = 25;

const FILTER_QUERY: Record<QueueFilter, Record<string, string>> = {
  open: { status: 'open' },
  overdue: { status: 'open', overdue: 'true' },
  closed: { status: 'closed' },
  all: { status: 'all' },
};

/** The service-recovery routes the console's Service recovery page calls. */
export const recoveryApi = {
  /** One page of the queue, in the API's order (open ones oldest first, so the most overdue lead). */
  queue(filter: QueueFilter, cursor?: string) {
    const query = new URLSearchParams({ ...FILTER_QUERY[filter], limit: String(QUEUE_PAGE_SIZE) });
    if (cursor !== undefined) query.set('cursor', cursor);
    return read(FollowUpPage, `${followUpPaths.followUps}?${query}`);
  },
  followUp: (followUpId: string) => read(FollowUpCase, followUpPaths.followUp(followUpId)),
  assign: (followUpId: string, assignee: string | null) =>
    send(FollowUpCase, followUpPaths.followUp(followUpId), 'PATCH', { assignee }),
  addNote: (followUpId: string, text: string) => send(FollowUpNote, followUpPaths.notes(followUpId), 'POST', { text }),
  /** Sent again with the same key, a resolution is written once: the API answers the first one's result. */
  resolve: (followUpId: string, request: FollowUpResolutionRequest, idempotencyKey: string) =>
    send(FollowUpCase, followUpPaths.resolution(followUpId), 'POST', request, {
      [IDEMPOTENCY_KEY_HEADER]: idempotencyKey,
    }),
};
