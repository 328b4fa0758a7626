import { chromium, type Browser, type CDPSession } from 'playwright-core';

/** Debian's Chromium (or CHROME_PATH), headless, kept off the network; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * The page's main-thread counters in milliseconds, from the DevTools protocol. With `threadTicks`
 * (see `enableMainThreadMetrics`) they count CPU time on the renderer's main thread, so other jobs
 * on the machine stretch wall time but not these; CPU throttling does raise them, as it would on a
 * slower phone.
 */
export interface MainThreadTimes {
  /** Every task on the main thread: script, style, layout, parsing, DevTools commands. */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  recalcStyleMs: number;
}

export async function enableMainThreadMetrics(cdp: CDPSession): Promise<void> {
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
}

export async function mainThreadTimes(cdp: CDPSession): Promise<MainThreadTimes> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const ms = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  return {
    taskMs: ms('TaskDuration'),
    scriptMs: ms('ScriptDuration'),
    layoutMs: ms('LayoutDuration'),
    recalcStyleMs: ms('RecalcStyleDuration'),
  };
}

export function timesBetween(before: MainThreadTimes, after: MainThreadTimes): MainThreadTimes {
  return {
    taskMs: after.taskMs - before.taskMs,
    scriptMs: after.scriptMs - before.scriptMs,
    layoutMs: after.layoutMs - before.layoutMs,
    recalcStyleMs: after.recalcStyleMs - before.recalcStyleMs,
  };
}
