// `import '@loyalty-elements/embed'`: every widget in the app's bundle, `window.LoyaltyElements`, and the
// script tag's data-* attributes. The CDN file loads each widget's code on demand instead (cdn.ts).
import { installGlobal } from './global.ts';
import { client, identify, init, logout, on } from './pure.ts';

export type { LoyaltyElementsGlobal } from './global.ts';

installGlobal(init);

export { client, identify, init, logout, on };
