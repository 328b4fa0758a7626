import type { LoyaltyClient } from '@loyalty-elements/sdk';
import { optionsFromScript } from './script-attributes.ts';
import { client, identify, logout, on, type EmbedOptions } from './shared-client.ts';

/** `window.LoyaltyElements`: the drop-in's whole surface. */
export interface LoyaltyElementsGlobal {
  init: (options: EmbedOptions) => LoyaltyClient;
  identify: typeof identify;
  logout: typeof logout;
  on: typeof on;
  /** The shared client, once `init` ran. */
  readonly client: ReturnType<typeof client>;
}

declare global {
  interface Window {
    LoyaltyElements?: LoyaltyElementsGlobal;
  }
}

/**
 * Sets `window.LoyaltyElements` and runs `init` with the running script tag's `data-*` attributes, if it has
 * them. Call it while the script runs (it reads `document.currentScript`). Loading the file twice is harmless:
 * the first copy wins.
 */
export function installGlobal(init: (options: EmbedOptions) => LoyaltyClient): void {
  if (typeof window === 'undefined' || window.LoyaltyElements) return;
  window.LoyaltyElements = {
    init,
    identify,
    logout,
    on,
    get client() {
      return client();
    },
  };
  try {
    const options = optionsFromScript(document.currentScript);
    if (options) init(options);
  } catch (error) {
    console.error(error);
  }
}
