import { init } from './pure.ts';
import { optionsFromScript } from './script-attributes.ts';

declare global {
  interface Window {
    LoyaltyElements?: { init: typeof init };
  }
}

// Loading the file twice must be harmless: the first copy wins.
if (typeof window !== 'undefined' && !window.LoyaltyElements) {
  window.LoyaltyElements = { init };
  try {
    const options = optionsFromScript(document.currentScript);
    if (options) init(options);
  } catch (error) {
    console.error(error);
  }
}

export { init };
