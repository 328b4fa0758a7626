import type { ReactiveController } from 'lit';
import type { LoyaltyClient, Program } from '@loyalty-elements/sdk';
import type { LoyaltyElement } from '../base/loyalty-element.ts';
import { holdsPitch, setGuestWidget, setPitchElement } from '../base/guest-pitch-registry.ts';

/**
 * An element's part in the page's one join pitch: `pitch` is `<loyalty-join-pitch>` itself, `holder` a widget that
 * holds the pitch when it is the page's first guest widget and there is no `<loyalty-join-pitch>`, `none` a widget
 * whose guest state is its own content (the ways to earn) or nothing at all (the survey).
 */
export type PitchRole = 'pitch' | 'holder' | 'none';

export interface GuestPitchOptions {
  client: () => LoyaltyClient | undefined;
  /** The host shows a guest state right now. */
  isGuest: () => boolean;
  role: () => PitchRole;
}

/**
 * Keeps the host's place in the page's guest-pitch registry, and, while the host shows the pitch, the program the
 * pitch is built from (`GET /v1/program`, which the client caches and shares with every widget on the page).
 */
export class GuestPitchController implements ReactiveController {
  readonly #host: LoyaltyElement;
  readonly #options: GuestPitchOptions;
  #programOf: LoyaltyClient | undefined;
  #program: Program | undefined;
  #failed = false;

  constructor(host: LoyaltyElement, options: GuestPitchOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The host shows the pitch (not a compact sign-in line) to a guest. */
  get shown(): boolean {
    if (!this.#options.isGuest()) return false;
    const role = this.#options.role();
    return role === 'pitch' || (role === 'holder' && holdsPitch(this.#host));
  }

  /** The program, once read. */
  get program(): Program | undefined {
    return this.#program;
  }

  /** The program could not be read: the pitch falls back to a compact sign-in line. */
  get failed(): boolean {
    return this.#failed;
  }

  hostConnected(): void {
    if (this.#options.role() === 'pitch') setPitchElement(this.#host, true);
  }

  hostDisconnected(): void {
    setPitchElement(this.#host, false);
    setGuestWidget(this.#host, false);
  }

  hostUpdate(): void {
    if (this.#host.serverRendering) return;
    // Lit still updates an element after it left the page: only one on the page takes part.
    const guest = this.#options.isGuest() && this.#host.isConnected;
    if (this.#options.role() === 'holder') setGuestWidget(this.#host, guest);
    const client = this.#options.client();
    if (this.shown && client && client !== this.#programOf) this.#read(client);
  }

  #read(client: LoyaltyClient): void {
    this.#programOf = client;
    this.#program = undefined;
    this.#failed = false;
    client.getProgram().then(
      (program) => this.#settle(client, program, false),
      () => this.#settle(client, undefined, true),
    );
  }

  #settle(client: LoyaltyClient, program: Program | undefined, failed: boolean): void {
    if (client !== this.#programOf) return;
    this.#program = program;
    this.#failed = failed;
    this.#host.requestUpdate();
  }
}
