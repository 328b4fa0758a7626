// The CDN file, loyalty-elements.js: a classic script that sets up the shared client and `window.LoyaltyElements`
// at once, and loads each widget's module (widgets/<tag>.js, beside this file) only when its tag is on the page.
import type { LoyaltyClient } from '@loyalty-elements/sdk';
import { getSharedClient } from '@loyalty-elements/components';
import { installGlobal } from './global.ts';
import { explainModuleFailure } from './cross-origin.ts';
import { defineWidgetsOnDemand } from './on-demand.ts';
import { widgetsFromScript } from './script-attributes.ts';
import { startSharedClient, type EmbedOptions } from './shared-client.ts';
import { askForSummary } from './summary-prefetch.ts';
import type { WidgetTag } from './widget-tags.ts';

// Read while the script runs: the widget modules sit beside the file the page loaded. Loaded some other way
// (a module script, an inline copy), the file cannot tell where it came from, and says so.
const script = document.currentScript;
const scriptUrl = script instanceof HTMLScriptElement && script.src ? script.src : undefined;
if (!scriptUrl) {
  console.error(
    'loyalty-elements.js: load this file with a classic <script src="…/loyalty-elements.js"> tag, so it can find ' +
      `its widgets/ folder; it looks for them beside the page instead (${new URL('widgets/', location.href).href})`,
  );
}
const widgetUrl = (tag: WidgetTag) => new URL(`widgets/${tag}.js`, scriptUrl ?? location.href);

// The first widget module that fails to load is checked once for a refusal by CORS (a missing header, or a missing
// file on a host that sends the header only with the files it has), and the file and the header are named; the
// other failures (the network dropped) are tried again as before (on-demand.ts), with no more checks.
let checked = false;
async function explainFailure(url: URL): Promise<void> {
  if (checked) return;
  checked = true;
  const why = await explainModuleFailure(url, location.origin);
  if (why !== undefined) console.error(why);
}

// The widgets the tag lists in data-widgets load with the page: render-blocking module scripts, so the page's first
// paint already shows their loading skeletons and nothing shifts when they arrive. (A browser only lets a script
// block rendering while it is added to the <head>, before the <body> exists; later, these load like any other.)
const listed = widgetsFromScript(script);
for (const tag of listed) {
  const module = document.createElement('script');
  module.type = 'module';
  module.src = widgetUrl(tag).href;
  module.setAttribute('blocking', 'render');
  module.addEventListener('error', () => void explainFailure(widgetUrl(tag)));
  document.head.append(module);
}

let watching = false;

function init(options: EmbedOptions): LoyaltyClient {
  const client = startSharedClient(options);
  if (listed.length > 0) askForSummary(client);
  if (!watching) {
    watching = true;
    defineWidgetsOnDemand((tag, attempt) => {
      askForSummary(getSharedClient());
      const url = widgetUrl(tag);
      if (attempt > 0) url.searchParams.set('attempt', String(attempt));
      return import(/* @vite-ignore */ url.href).catch(async (error: unknown) => {
        await explainFailure(url);
        throw error;
      });
    });
  }
  return client;
}

installGlobal(init);
