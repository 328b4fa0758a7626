import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { ensureConsoleBuilt } from './console.ts';
import { startStack, type Stack } from './stack.ts';

export interface ConsoleStack {
  readonly stack: Stack;
  readonly browser: Browser;
  /** The console's address on the API. */
  consoleUrl(): string;
}

/**
 * The built console, the real API with the demo program, and Chromium, started before a file's tests and stopped
 * after. `prepare` runs once they are up, before any test (a file's own `before` may run while they start).
 */
export function consoleStackPerFile(prepare?: (started: ConsoleStack) => Promise<void>): ConsoleStack {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  before(async () => {
    ensureConsoleBuilt();
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    await prepare?.(started);
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });
  const started: ConsoleStack = {
    get stack() {
      if (stack === undefined) throw new Error('The stack starts before the tests run.');
      return stack;
    },
    get browser() {
      if (browser === undefined) throw new Error('Chromium starts before the tests run.');
      return browser;
    },
    consoleUrl: () => `${stack?.apiBase}/console/`,
  };
  return started;
}
