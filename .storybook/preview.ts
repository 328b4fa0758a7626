import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { handlers, isFakeApiRequest } from '../stories/support/fake-api.ts';
import { initialLoyaltyGlobals, withLoyaltyGlobals } from './decorators.ts';
import { loyaltyEventNames, manifest } from './manifest.ts';
import { toolbar } from './toolbar.ts';

// Registers every element (a new packages/components/src/define/*.ts is picked up by itself).
import.meta.glob('../packages/components/src/define/*.ts', { eager: true });

// Autodocs: attributes, properties, events, parts and CSS custom properties, from the code.
setCustomElementsManifest(manifest);

/** Starts Mock Service Worker with the fake API's handlers; requests to it that no handler answers fail loudly. */
async function startFakeApi() {
  const worker = setupWorker(...handlers);
  await worker.start({
    quiet: true,
    // Relative, so a Storybook published under a sub-path still finds its worker.
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest(request, print) {
      if (isFakeApiRequest(request.url)) print.error();
    },
  });
  return worker;
}

/** Categories of the docs table whose rows get a control: the element's attributes and the story's own args. */
const CONTROLLED_CATEGORIES = new Set(['attributes', 'story']);

const preview: Preview = {
  decorators: [withLoyaltyGlobals, withActions],
  // Properties, events, CSS custom properties and parts stay in the docs table as reference only.
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, argType]) => {
          const category = argType.table?.category;
          const controlled = !category || CONTROLLED_CATEGORIES.has(category);
          return [name, controlled ? argType : { ...argType, control: false }];
        }),
      ),
  ],
  loaders: [mswLoader(startFakeApi)],
  globalTypes: toolbar,
  initialGlobals: initialLoyaltyGlobals,
  parameters: {
    layout: 'fullscreen',
    // The toolbar's colour scheme paints the canvas; Storybook's own backgrounds would fight it.
    backgrounds: { disable: true },
    actions: { handles: loyaltyEventNames },
    controls: { expanded: true },
    // Accessibility violations fail a story (the a11y panel, and `npm test -- storybook`).
    a11y: { test: 'error' },
    options: { storySort: { order: ['Start here', 'Design system', ['Tokens', 'Themes'], 'Widgets'] } },
  },
};

export default preview;
