import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { FollowUpCase } from '@loyalty-elements/contract';
import { recoveryApi } from '../../api/recovery.ts';
import { formatters } from '../../i18n/format.ts';
import { stringsFor, type Language } from '../../i18n/language.ts';
import { pageStyles } from '../page.styles.ts';
import { dialogStyles } from './dialog.styles.ts';
import { followUpChanged } from './follow-up-events.ts';
import { complaintSection, customerName, resolutionSection, type RecoveryView } from './follow-up-sections.ts';
import { describeFailure } from './recovery-errors.ts';
import { recoveryFormatters } from './recovery-format.ts';
import { recoveryStyles } from './recovery.styles.ts';
import type { ConsoleResolveDialog } from './resolve-dialog.ts';
import './resolve-dialog.ts';

type Action = 'assign' | 'note';

/**
 * One follow-up in a modal panel (beside the queue on a wide screen, the whole screen on a phone): the complaint, the
 * notes, assigning, adding a note and resolving. Escape or Close ends it.
 *
 * @fires console-follow-up-changed - The API answered a change; `detail` is the follow-up as it is now.
 * @fires console-follow-up-closed - The panel was closed.
 */
@customElement('console-follow-up-detail')
export class ConsoleFollowUpDetail extends LitElement {
  static override styles = [
    pageStyles,
    recoveryStyles,
    dialogStyles,
    css`
      dialog.panel {
        margin: 0;
        margin-inline-start: auto;
        width: min(38rem, 100vw);
        max-width: 100vw;
        height: 100dvh;
        max-height: 100dvh;
        border-radius: 0;
        border-block: none;
        border-inline-end: none;
      }
      header {
        display: flex;
        gap: 0.5em;
        align-items: start;
        justify-content: space-between;
      }
      header .close {
        flex-shrink: 0;
        white-space: nowrap;
      }
      header h2,
      header h3 {
        min-inline-size: 0;
        overflow-wrap: anywhere;
      }
      h3 {
        font-size: 1em;
        margin: var(--_space) 0 0.4em;
      }
      .facts {
        display: grid;
        gap: 0.4em;
        margin: 0;
      }
      .facts div {
        display: grid;
        grid-template-columns: minmax(7rem, 40%) 1fr;
        gap: 0.5em;
      }
      .facts dt {
        color: var(--_color-text-muted);
      }
      .facts dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      blockquote {
        margin: 0 0 0.5em;
        padding-inline-start: 0.75em;
        border-inline-start: 3px solid var(--_color-border);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .dimensions {
        margin: 0;
        padding-inline-start: 1.25em;
      }
      .notes {
        list-style: none;
        margin: 0 0 0.75em;
        padding: 0;
        display: grid;
        gap: 0.5em;
      }
      .notes li {
        border-inline-start: 3px solid var(--_color-border);
        padding-inline-start: 0.75em;
      }
      .notes p {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      form {
        display: grid;
        gap: 0.4em;
        margin-top: var(--_space);
      }
      .resolve {
        margin-top: var(--_space);
      }
      @media (max-width: 40rem) {
        dialog.panel {
          width: 100vw;
          border: none;
        }
        .facts div {
          grid-template-columns: 1fr;
          gap: 0;
        }
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) followUp!: FollowUpCase;

  @state() private busy: Action | null = null;
  @state() private done: Action | null = null;
  @state() private failure: string | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('console-resolve-dialog') private resolveDialog!: ConsoleResolveDialog;
  @query('.close') private closeButton!: HTMLButtonElement;

  override firstUpdated(): void {
    this.dialog.showModal();
    void this.refresh();
  }

  /** The queue's copy may be a little old: the panel shows the follow-up as the API has it now. */
  private async refresh(): Promise<FollowUpCase | undefined> {
    try {
      const current = await recoveryApi.followUp(this.followUp.id);
      this.dispatchEvent(followUpChanged(current));
      return current;
    } catch (error) {
      this.failure = describeFailure(error, stringsFor(this.language).recovery.errors);
      return undefined;
    }
  }

  private closed(): void {
    this.dispatchEvent(new CustomEvent('console-follow-up-closed', { bubbles: true, composed: true }));
  }

  private async act(action: Action, form: HTMLFormElement, run: () => Promise<FollowUpCase>): Promise<void> {
    if (this.busy) return;
    this.busy = action;
    this.done = null;
    this.failure = null;
    try {
      this.dispatchEvent(followUpChanged(await run()));
      this.done = action;
      if (action === 'note') form.reset();
    } catch (error) {
      this.failure = describeFailure(
        error,
        stringsFor(this.language).recovery.errors,
        action === 'note' ? 'note' : 'other',
      );
    } finally {
      this.busy = null;
    }
  }

  private assign(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get('assignee') ?? '').trim();
    void this.act('assign', form, () => recoveryApi.assign(this.followUp.id, name === '' ? null : name));
  }

  private addNote(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text = String(new FormData(form).get('note') ?? '').trim();
    if (text === '') return;
    void this.act('note', form, async () => {
      const note = await recoveryApi.addNote(this.followUp.id, text);
      return { ...this.followUp, notes: [...this.followUp.notes, note] };
    });
  }

  /**
   * After the resolve form closes, the panel shows the follow-up as the API has it (resolved here, or by a colleague
   * meanwhile); when it is closed the Resolve button is gone, and the panel's Close button takes the focus.
   */
  private async resolveFormClosed(): Promise<void> {
    const current = await this.refresh();
    if (current?.status === 'closed') this.closeButton.focus();
  }

  override render() {
    const strings = stringsFor(this.language).recovery;
    const view: RecoveryView = { strings, format: formatters(this.language), when: recoveryFormatters(this.language) };
    const { detail } = strings;
    const followUp = this.followUp;
    return html`<dialog class="panel" aria-labelledby="detail-title" @close=${this.closed}>
      <header>
        <h2 id="detail-title">${detail.title(customerName(followUp, view))}</h2>
        <button type="button" class="close" @click=${() => this.dialog.close()}>${detail.close}</button>
      </header>
      ${complaintSection(followUp, view)} ${resolutionSection(followUp, view)}
      <form class="assign" @submit=${this.assign}>
        <label for="assignee">${detail.assignee}</label>
        <input
          id="assignee"
          name="assignee"
          type="text"
          maxlength="200"
          autocomplete="off"
          aria-describedby="assignee-hint"
          .value=${followUp.assignee ?? ''}
        />
        <p class="hint" id="assignee-hint">${detail.assigneeHint}</p>
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy !== null ? 'true' : 'false'}>${detail.saveAssignee}</button>
        </div>
      </form>
      <section aria-labelledby="notes-heading">
        <h3 id="notes-heading">${detail.notes}</h3>
        <p class="hint">${detail.notesHint}</p>
        ${
          followUp.notes.length === 0
            ? html`<p class="muted">${detail.noNotes}</p>`
            : html`<ol class="notes">
                ${followUp.notes.map(
                  (note) =>
                    html`<li>
                      <time class="muted" datetime=${note.createdAt}>${view.when.moment(note.createdAt)}</time>
                      ${note.author ? html`<span class="muted">· ${note.author}</span>` : nothing}
                      <p>${note.text}</p>
                    </li>`,
                )}
              </ol>`
        }
        <form @submit=${this.addNote}>
          <label for="note">${detail.note}</label>
          <textarea id="note" name="note" required maxlength="5000"></textarea>
          <div class="actions">
            <button type="submit" aria-disabled=${this.busy !== null ? 'true' : 'false'}>${detail.addNote}</button>
          </div>
        </form>
      </section>
      <div role="status">
        ${this.done === 'assign' ? html`<p>${detail.assigneeSaved}</p>` : nothing}
        ${this.done === 'note' ? html`<p>${detail.noteAdded}</p>` : nothing}
      </div>
      <div role="alert">${this.failure ? html`<p class="error">${this.failure}</p>` : nothing}</div>
      ${
        followUp.status === 'open'
          ? html`<div class="resolve">
              <button type="button" class="primary" @click=${() => this.resolveDialog.open()}>${detail.resolve}</button>
            </div>`
          : nothing
      }
      <console-resolve-dialog
        .language=${this.language}
        .followUp=${followUp}
        @console-resolve-closed=${() => void this.resolveFormClosed()}
      ></console-resolve-dialog>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-follow-up-detail': ConsoleFollowUpDetail;
  }
}
