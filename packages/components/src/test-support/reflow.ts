// Reflow and target-size checks the widget tests share: WCAG 1.4.10 (reflow), 1.4.4 (resize text),
// 1.4.12 (text spacing) and 2.5.8 (target size, minimum).
import { setViewport } from '@web/test-runner-commands';

/** A way a shopper may see the page. Applied by switching styles, so the widgets keep their data. */
export interface ReflowCondition {
  name: string;
  viewport: { width: number; height: number };
  /** The inline size of the widgets' container; by default the page's. */
  containerWidth?: string;
  /** The page's root font size. */
  rootFontSize?: string;
  /** The WCAG 1.4.12 overrides, as a user stylesheet applies them, shadow roots included. */
  textSpacing?: boolean;
}

export const DEFAULT_VIEWPORT = { width: 800, height: 600 };

export const REFLOW_CONDITIONS: readonly ReflowCondition[] = [
  { name: 'a 320 px container', viewport: DEFAULT_VIEWPORT, containerWidth: '320px' },
  // A 1280 × 1024 window at 400 %: the layout viewport is 320 × 256 CSS px.
  { name: '400 % zoom', viewport: { width: 320, height: 256 } },
  { name: '200 % text on a phone', viewport: { width: 390, height: 844 }, rootFontSize: '200%' },
  { name: '200 % text on a 320 px phone', viewport: { width: 320, height: 640 }, rootFontSize: '200%' },
  // The same phone with the widget in a storefront's card, which takes its own padding.
  {
    name: '200 % text in a card on a 320 px phone',
    viewport: { width: 320, height: 640 },
    rootFontSize: '200%',
    containerWidth: '270px',
  },
  {
    name: 'text spacing in a 320 px container',
    viewport: DEFAULT_VIEWPORT,
    containerWidth: '320px',
    textSpacing: true,
  },
];

const textSpacing = new CSSStyleSheet();
textSpacing.replaceSync(`
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-block-end: 2em !important; }
`);

function setTextSpacing(root: Document | ShadowRoot, on: boolean): void {
  const others = root.adoptedStyleSheets.filter((sheet) => sheet !== textSpacing);
  root.adoptedStyleSheets = on ? [...others, textSpacing] : others;
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) setTextSpacing(element.shadowRoot, on);
  }
}

/** Two frames: styles, layout and resize observers have caught up. */
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Puts the page and `container` in `condition` (or, with none, back to the default). */
export async function applyCondition(container: HTMLElement, condition?: ReflowCondition): Promise<void> {
  await setViewport(condition?.viewport ?? DEFAULT_VIEWPORT);
  container.style.inlineSize = condition?.containerWidth ?? '';
  document.documentElement.style.fontSize = condition?.rootFontSize ?? '';
  setTextSpacing(document, condition?.textSpacing ?? false);
  await nextFrame();
}

const CONTROLS = 'a[href], button, input, select, textarea, [role="button"], [tabindex="0"]';
/** Fields scroll their own text: what they hold is not checked for clipping. */
const FIELDS = 'input, select, textarea';

/** The elements of a widget a shopper can see (visually hidden text for screen readers excluded). */
function shownElements(host: Element): HTMLElement[] {
  return [...host.shadowRoot!.querySelectorAll<HTMLElement>('*')].filter(
    (element) => element.checkVisibility({ visibilityProperty: true }) && !element.closest('.visually-hidden'),
  );
}

function clips(style: CSSStyleDeclaration): boolean {
  return style.overflowX !== 'visible' || style.overflowY !== 'visible';
}

function hasOwnText(element: Element): boolean {
  return [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
}

function named(host: Element, element: Element): string {
  const text = element.textContent!.replace(/\s+/g, ' ').trim();
  const classes = element.getAttribute('class')?.trim().replace(/\s+/g, '.');
  return `<${host.localName}> ${element.localName}${classes ? `.${classes}` : ''} "${text.slice(0, 40)}"`;
}

/** The nearest ancestor inside the widget that cuts off what overflows it. */
function clippingAncestor(element: Element): Element | undefined {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (clips(getComputedStyle(parent))) return parent;
  }
  return undefined;
}

/** A clamped text that a visible "More" button (aria-expanded="false", aria-controls) opens in full. */
function isDisclosed(element: Element): boolean {
  if (!element.id) return false;
  const opener = (element.getRootNode() as ShadowRoot).querySelector<HTMLElement>(
    `[aria-controls="${element.id}"][aria-expanded="false"]`,
  );
  return opener !== null && opener.checkVisibility({ visibilityProperty: true });
}

/** The box an element's focus ring draws. */
function ringBox(element: HTMLElement): DOMRect {
  const box = element.getBoundingClientRect();
  if (!element.matches(CONTROLS)) return box;
  const style = getComputedStyle(element);
  const ring = Math.max(0, parseFloat(style.outlineOffset) || 0) + (parseFloat(style.outlineWidth) || 2);
  return new DOMRect(box.x - ring, box.y - ring, box.width + 2 * ring, box.height + 2 * ring);
}

function outside(inner: DOMRect, outer: DOMRect, axes: 'x' | 'xy'): boolean {
  const x = inner.left < outer.left - 1 || inner.right > outer.right + 1;
  return axes === 'x' ? x : x || inner.top < outer.top - 1 || inner.bottom > outer.bottom + 1;
}

/**
 * What is clipped, cut short or sticks out in a widget: text or a control wider than the widget, an element that
 * clips with content overflowing it, an ellipsis or a line clamp that hides text, a box (or a control's focus ring)
 * beyond the ancestor that clips it, and a widget wider than its container.
 */
export function reflowProblems(host: HTMLElement): string[] {
  const problems: string[] = [];
  const hostBox = host.getBoundingClientRect();
  const container = host.parentElement!;
  if (hostBox.width > container.clientWidth + 1) {
    problems.push(`<${host.localName}> is ${hostBox.width} px wide in a ${container.clientWidth} px container`);
  }
  for (const element of shownElements(host)) {
    const style = getComputedStyle(element);
    const textual = hasOwnText(element) || element.matches(CONTROLS);
    const hasText = element.textContent!.trim() !== '';
    if (hasText && !element.matches(FIELDS)) {
      const wide = element.scrollWidth > element.clientWidth + 1;
      const tall = element.scrollHeight > element.clientHeight + 1;
      const clamped = style.getPropertyValue('-webkit-line-clamp') !== 'none';
      if (clamped && tall && !isDisclosed(element)) problems.push(`${named(host, element)} is line-clamped`);
      if (style.textOverflow === 'ellipsis' && wide) problems.push(`${named(host, element)} is ellipsized`);
      if (clips(style) && wide) problems.push(`${named(host, element)} cuts off its content's end`);
      if (clips(style) && tall && !clamped) problems.push(`${named(host, element)} cuts off its content below`);
    }
    if (!textual) continue;
    const box = element.getBoundingClientRect();
    if (outside(box, hostBox, 'x')) problems.push(`${named(host, element)} sticks out of the widget`);
    const clipper = clippingAncestor(element);
    if (clipper && outside(ringBox(element), clipper.getBoundingClientRect(), 'xy')) {
      problems.push(`${named(host, element)} (or its focus ring) is cut by ${named(host, clipper)}`);
    }
  }
  return problems;
}

/** A word or a number of Latin letters and digits: "Expiring", "2,900", "10". */
const WORD = /[\p{Script=Latin}\p{Nd}]+(?:[,.'’][\p{Script=Latin}\p{Nd}]+)*/gu;

/**
 * Every word or number of a widget split over two lines or more although one line of the widget has room for it: a
 * column squeezed below its words ("Expi|ring", "1|0", "2,90|0"). A word wider than the widget may break, and so may
 * the words in `longWords` (long names of the test's data, which break where their box is narrower). The room is the
 * inside of the widget's `base` part, or of `within`.
 */
export function splitWords(host: HTMLElement, longWords: readonly string[] = [], within?: HTMLElement): string[] {
  const problems: string[] = [];
  const base = within ?? host.shadowRoot!.querySelector<HTMLElement>('[part~="base"]') ?? host;
  const style = getComputedStyle(base);
  const room = base.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
  const walker = document.createTreeWalker(host.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent?.checkVisibility({ visibilityProperty: true }) || parent.closest('.visually-hidden')) continue;
    for (const match of node.textContent!.matchAll(WORD)) {
      if (longWords.includes(match[0])) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const boxes = shownBoxes(range);
      const lines = lineCount(boxes);
      const width = boxes.reduce((sum, box) => sum + box.width, 0);
      if (lines > 1 && width <= room) {
        problems.push(`${named(host, parent)}: "${match[0]}" (${width.toFixed(0)} px) is split over ${lines} lines`);
      }
    }
  }
  return problems;
}

const shownBoxes = (range: Range) => [...range.getClientRects()].filter((box) => box.width > 0);
/** How many lines the boxes of a piece of text sit on. */
const lineCount = (boxes: DOMRect[]) => new Set(boxes.map((box) => Math.round(box.top))).size;

/** How many lines the text inside `element` takes. */
export function linesOf(element: Element): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  return lineCount(shownBoxes(range));
}

/** An inline link inside a sentence: exempt from the target size (WCAG 2.5.8, "inline"). */
function isInlineLink(control: HTMLElement): boolean {
  if (control.localName !== 'a' || getComputedStyle(control).display !== 'inline') return false;
  return [...control.parentElement!.childNodes].some(
    (node) => node !== control && node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '',
  );
}

/** Every button, link and form control of a widget smaller than 24 × 24 CSS px (a control's label counts with it). */
export function smallTargets(host: HTMLElement): string[] {
  const problems: string[] = [];
  for (const control of shownElements(host).filter((element) => element.matches(CONTROLS))) {
    if (isInlineLink(control)) continue;
    const target = control.closest('label') ?? control;
    const { width, height } = target.getBoundingClientRect();
    if (width < 24 - 0.01 || height < 24 - 0.01) {
      problems.push(`${named(host, control)} is ${width.toFixed(1)} × ${height.toFixed(1)} px`);
    }
  }
  return problems;
}
