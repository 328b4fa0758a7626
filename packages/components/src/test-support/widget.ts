// Helpers the widget tests share: reading a widget's shadow parts, a network that can go down, the page's language.

/** The first element of a widget (or of an element inside it) with the part `name`. */
export function part<T extends HTMLElement = HTMLElement>(root: Element, name: string): T | null {
  return (root.shadowRoot ?? root).querySelector<T>(`[part~="${name}"]`);
}

/** Every element with the part `name`, in document order. */
export function parts<T extends HTMLElement = HTMLElement>(root: Element, name: string): T[] {
  return [...(root.shadowRoot ?? root).querySelectorAll<T>(`[part~="${name}"]`)];
}

/** An element's text with its white space collapsed, as a reader sees it. */
export const clean = (node: Element | null | undefined): string => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The text of the first element with the part `name`. */
export const text = (root: Element, name: string): string => clean(part(root, name));

/** A `fetch` whose network can be switched off, like a shopper on a train. */
export class Network {
  online = true;
  readonly fetch: typeof fetch = (input, init) =>
    this.online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));
}

/** Sets the page's language to `lang` before each test of the suite, and puts the page's own back after it. */
export function usePageLanguage(lang: string): void {
  let pageLang = '';
  beforeEach(() => {
    pageLang = document.documentElement.lang;
    document.documentElement.lang = lang;
  });
  afterEach(() => {
    document.documentElement.lang = pageLang;
  });
}
