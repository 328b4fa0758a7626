import { html, type TemplateResult } from 'lit';

/** One line of a list: its id, its name (the row's header) and its other cells. */
export interface ListRow {
  id: string;
  name: string;
  cells: ReadonlyArray<string | TemplateResult>;
}

/** A list of rewards or surveys: a table whose rows each end with an Edit button naming the row. */
export function listTable<T>(
  headings: readonly string[],
  items: readonly T[],
  rowOf: (item: T) => ListRow,
  editLabel: string,
  onEdit: (item: T) => void,
): TemplateResult {
  return html`<div class="table-scroll">
    <table>
      <thead>
        <tr>
          ${headings.map((heading) => html`<th scope="col">${heading}</th>`)}
          <td></td>
        </tr>
      </thead>
      <tbody>
        ${items.map((item) => {
          const row = rowOf(item);
          return html`<tr data-row=${row.id}>
            <th scope="row">${row.name}</th>
            ${row.cells.map((cell) => html`<td>${cell}</td>`)}
            <td>
              <button type="button" @click=${() => onEdit(item)}>
                ${editLabel}<span class="visually-hidden">: ${row.name}</span>
              </button>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
