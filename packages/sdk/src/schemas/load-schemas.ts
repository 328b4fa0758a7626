import { LoyaltyError } from '../errors.ts';

export type RouteSchemas = typeof import('@loyalty-elements/contract/shopper');

/**
 * Loads the schemas once, when first asked. A load that fails (a chunk the network lost) rejects with a `network`
 * error and is tried again on the next call.
 */
export function schemaLoader<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((cause: unknown) => {
      loading = undefined;
      throw new LoyaltyError('network', 'The schemas that check answers from the API could not be loaded', { cause });
    });
    return loading;
  };
}

/**
 * The schemas the client checks requests and answers with, built on first use: the transport asks for them once a
 * request is on its way, and a write's arguments are checked with them before it is queued. A bundler that splits code puts them in a chunk of their own; one that does not still defers
 * building them to this call. Nothing else in the client imports them.
 */
export const loadSchemas = schemaLoader((): Promise<RouteSchemas> => import('@loyalty-elements/contract/shopper'));
