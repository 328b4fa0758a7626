import {
  CustomerRewards,
  EligibleSurvey,
  PROBLEM_CONTENT_TYPE,
  Program,
  Summary,
  paths,
  rewardPaths,
  surveyPaths,
} from '@loyalty-elements/contract';
import { MemoryOutboxStorage, createLoyaltyClient, type LoyaltyClient } from '@loyalty-elements/sdk';
import {
  previewEligible,
  previewProgram,
  previewRewards,
  previewSummary,
  type PreviewDraft,
} from './preview-answers.ts';

/** Never asked over the network: the preview's `fetch` answers every request itself. */
const PREVIEW_API_BASE = 'https://preview.invalid/';

function problem(status: number, code: string, title: string): Response {
  const body = { type: 'about:blank', title, status, code };
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } });
}

/** The answer, checked against its contract schema first: a draft the API would refuse is no answer to show. */
function answer<T>(schema: { safeParse(value: unknown): { success: boolean } }, value: T): Response {
  if (!schema.safeParse(value).success) {
    return problem(400, 'validation_failed', 'The draft has values the API would refuse.');
  }
  return new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json' } });
}

/**
 * A `fetch` that answers the widgets' reads from the draft, each answer valid by the contract, and refuses every
 * write: nothing leaves the page and nothing is stored.
 */
export function previewFetch(draft: PreviewDraft): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.method !== 'GET') return problem(405, 'preview_read_only', 'The preview never writes.');
    const url = new URL(request.url);
    switch (url.pathname) {
      case paths.program:
        return answer(Program, previewProgram(draft));
      case paths.summary:
        return answer(Summary, previewSummary(draft));
      case rewardPaths.rewards:
        return answer(CustomerRewards, previewRewards(draft));
      case surveyPaths.eligible:
        return answer(EligibleSurvey, previewEligible(draft, url.searchParams.get('trigger')));
      default:
        return problem(404, 'not_found', 'The preview has nothing here.');
    }
  };
}

/** A client of the real SDK whose every answer comes from the draft. A new draft is a new client (no stale cache). */
export function createPreviewClient(draft: PreviewDraft): LoyaltyClient {
  return createLoyaltyClient({
    apiBase: PREVIEW_API_BASE,
    publishableKey: 'pk_preview',
    customerToken: 'preview',
    fetch: previewFetch(draft),
    outboxStorage: new MemoryOutboxStorage(),
    retry: { limit: 0 },
  });
}
