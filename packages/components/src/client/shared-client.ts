import type { LoyaltyClient } from '@loyalty-elements/sdk';

type Listener = (client: LoyaltyClient | undefined) => void;

interface SharedClientSlot {
  client: LoyaltyClient | undefined;
  listeners: Set<Listener>;
}

// Kept on globalThis under a registered symbol, so the embed bundle and an app's own copy of this
// package share one client on a page. Nothing is touched until a function is called (SSR-safe).
const SLOT = Symbol.for('loyalty-elements.shared-client');

function slot(): SharedClientSlot {
  const holder = globalThis as typeof globalThis & { [SLOT]?: SharedClientSlot };
  return (holder[SLOT] ??= { client: undefined, listeners: new Set() });
}

/**
 * Sets the page's shared client, used by every element that has neither its own `client` nor a
 * provider above it. Elements already on the page pick it up and load. Pass `undefined` to clear.
 */
export function setSharedClient(client: LoyaltyClient | null | undefined): void {
  const shared = slot();
  const next = client ?? undefined;
  if (shared.client === next) return;
  shared.client = next;
  for (const listener of [...shared.listeners]) {
    try {
      listener(next);
    } catch (error) {
      console.error(error);
    }
  }
}

/** The page's shared client, if one was set. */
export function getSharedClient(): LoyaltyClient | undefined {
  return slot().client;
}

/** Calls `listener` whenever the shared client changes; returns the unsubscribe function. */
export function onSharedClientChange(listener: Listener): () => void {
  const { listeners } = slot();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
