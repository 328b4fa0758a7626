// The dependency floor: what a survey built on Lit, ky and zod pays before any code of ours. The page asks the real
// API for the summary with ky (as the SDK does: key and token in the URL, so no CORS preflight), checks the answer
// with the contract's schema (zod, built once the request is on its way and parsed jitless, as the SDK does), and
// draws the due survey's first question with Lit. No outbox, cache, token refresh, language or theme: the least our
// survey page could do.
import { LitElement, html } from 'lit';
import ky from 'ky';
import { CUSTOMER_TOKEN_QUERY, PUBLISHABLE_KEY_QUERY, paths } from '@loyalty-elements/contract/plain';
import { pageParams, reportReadyOn } from './harness.ts';

class FloorSurvey extends LitElement {
  static override properties = { question: { state: true } };
  declare question: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    const { apiBase, customerToken, publishableKey } = pageParams();
    const answer = ky
      .get(`${apiBase}${paths.summary}`, {
        searchParams: { [PUBLISHABLE_KEY_QUERY]: publishableKey, [CUSTOMER_TOKEN_QUERY]: customerToken },
      })
      .json();
    const { Summary } = await import('@loyalty-elements/contract/shopper');
    const result = Summary.safeParse(await answer, { jitless: true });
    if (!result.success) throw new Error('The summary did not match its schema');
    const survey = result.data.dueSurveys?.['post_purchase'];
    const text = survey?.questions[0]?.text;
    this.question = text?.['en'] ?? Object.values(text ?? {})[0] ?? '';
    await this.updateComplete;
    this.dispatchEvent(new Event('floor-shown'));
  }

  override render() {
    if (this.question === undefined) return html`<p>…</p>`;
    return html`<fieldset part="question">
      <legend>${this.question}</legend>
      ${Array.from({ length: 11 }, (_, score) => html`<button type="button">${score}</button>`)}
    </fieldset>`;
  }
}

const element = document.querySelector('floor-survey') as FloorSurvey;
reportReadyOn(element, 'floor-shown', () => element.renderRoot.querySelector('[part~="question"]') !== null);
customElements.define('floor-survey', FloorSurvey);
