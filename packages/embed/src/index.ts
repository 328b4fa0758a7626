import { client, identify, init, logout, on } from './pure.ts';
import { optionsFromScript } from './script-attributes.ts';

/** `window.LoyaltyElements`: the drop-in's whole surface. */
export interface LoyaltyElementsGlobal {
  init: typeof init;
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

// Loading the file twice must be harmless: the first copy wins.
if (typeof window !== 'undefined' && !window.LoyaltyElements) {
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

export { client, identify, init, logout, on };
