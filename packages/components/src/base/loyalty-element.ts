import { LitElement, isServer, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { LoyaltyEventDetail, LoyaltyEventMap, LoyaltyEventName } from '../events/events.ts';

export type ColorScheme = 'light' | 'dark';

/**
 * The base of every `loyalty-*` element: a typed `emit()` for `loyalty-*` events and a guarded
 * `define()` that never throws when a tag is already registered (two bundles on one page, HMR, …).
 */
export class LoyaltyElement extends LitElement {
  /** The tag a subclass registers under when `define()` gets no name. */
  static tagName = '';

  /**
   * Registers the element. Does nothing when `name` is already defined (a different class under
   * that name only earns a console warning in a browser) or when there is no custom element registry.
   */
  static define(name: string = this.tagName, options?: ElementDefinitionOptions): void {
    const registry = globalThis.customElements;
    if (!registry || !name) return;
    const existing = registry.get(name);
    if (existing) {
      // On a server the registry is Lit's shim, shared by every copy of this package the server loads (Next.js
      // loads one for server components and one for rendering client components): nothing there is shown twice.
      if (!isServer && existing !== this && !(existing.prototype instanceof this)) {
        console.warn(`<${name}> is already defined by another class; keeping that one.`);
      }
      return;
    }
    // A constructor can be registered under only one name: alias through a fresh subclass.
    const alreadyUsed = registry.getName?.(this as unknown as CustomElementConstructor);
    const ctor = alreadyUsed ? class extends this {} : this;
    registry.define(name, ctor as unknown as CustomElementConstructor, options);
  }

  /**
   * Forces the light or dark palette; without it the element follows `prefers-color-scheme`.
   * Global `--loyalty-*` tokens set by the page win over both.
   */
  @property({ attribute: 'color-scheme', reflect: true })
  colorScheme: ColorScheme | undefined;

  #hydrating = false;

  /**
   * True while the element renders what a server can know: under Lit SSR, and in the first update of an
   * element the server rendered (its shadow root came with the page), which Lit hydrates. Hydration needs
   * that render to be the server's, so it is the loading state, in the language of the element's own
   * `lang`, whatever the client or the page already knows; the real state follows in the next update.
   * Read by the shared controllers; not part of an element's documented API.
   * @internal
   */
  get serverRendering(): boolean {
    return isServer || this.#hydrating;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // A shadow root that exists before Lit makes one was declared in the page's HTML.
    this.#hydrating = this.shadowRoot !== null;
    return super.createRenderRoot();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#hydrating) {
      this.#hydrating = false;
      // After this update, not during it: an update requested inside one is what Lit warns about.
      queueMicrotask(() => this.requestUpdate());
    }
  }

  /** Dispatches a typed `loyalty-*` CustomEvent that bubbles and crosses shadow roots. */
  protected emit<K extends LoyaltyEventName>(
    name: K,
    detail: LoyaltyEventDetail<K>,
    init: Omit<CustomEventInit, 'detail'> = {},
  ): LoyaltyEventMap[K] {
    const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable: false, ...init, detail });
    this.dispatchEvent(event);
    return event as LoyaltyEventMap[K];
  }
}
