// Helpers the stories share for the widgets they show.

/** What every loyalty widget exposes: its `state` and Lit's `updateComplete`. */
interface Widget extends HTMLElement {
  readonly state: string;
  readonly updateComplete: Promise<boolean>;
}

const isWidget = (element: Element): element is Widget =>
  element.localName.startsWith('loyalty-') && 'state' in element;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A story's play function: waits until every widget in the story has left its loading state (for
 * `expected: 'loading'`, until its skeleton has rendered) and checks that each shows the state the
 * story promises. Storybook runs its accessibility check after this, so the a11y panel (and
 * `npm test -- storybook`) judges the settled widget, not its first frame.
 */
export async function widgetsSettled(canvas: HTMLElement, expected?: string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const widget of [...canvas.querySelectorAll('*')].filter(isWidget)) {
    await widget.updateComplete;
    while (expected !== 'loading' && widget.state === 'loading') {
      if (Date.now() > deadline) throw new Error(`<${widget.localName}> is still loading after ${timeoutMs} ms`);
      await pause(25);
    }
    await widget.updateComplete;
    if (expected && widget.state !== expected) {
      throw new Error(`<${widget.localName}> shows its "${widget.state}" state; this story expects "${expected}"`);
    }
  }
}
