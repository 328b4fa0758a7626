import type { CustomerListQuery } from '@loyalty-elements/contract';
import { CUSTOMER_LIST_DEFAULT_LIMIT } from '@loyalty-elements/contract';
import type { Queryable } from '../store/database.ts';
import { CUSTOMER_COLUMNS, customerFromRow, type Customer } from './customers.ts';

export interface CustomerPage {
  customers: Customer[];
  /** The last id of the page, to continue after; null on the last page. */
  after: string | null;
}

/** `%`, `_` and the escape character itself, escaped, so a LIKE pattern matches them literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * A page of the program's customers whose id, name or e-mail contains `query` (case-insensitive), of one
 * status if given, ordered by id byte by byte (the same on every database collation), after `after`.
 */
export async function searchCustomers(
  db: Queryable,
  programId: string,
  query: Omit<CustomerListQuery, 'cursor'>,
  after: string | null,
): Promise<CustomerPage> {
  const limit = query.limit ?? CUSTOMER_LIST_DEFAULT_LIMIT;
  const pattern = query.query ? `%${escapeLike(query.query)}%` : null;
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers
      WHERE program_id = $1
        AND ($2::text IS NULL OR lower(id) LIKE lower($2) ESCAPE '\\' OR lower(name) LIKE lower($2) ESCAPE '\\'
             OR lower(email) LIKE lower($2) ESCAPE '\\')
        AND ($3::text IS NULL OR status = $3)
        AND ($4::text IS NULL OR id COLLATE "C" > $4::text COLLATE "C")
      ORDER BY id COLLATE "C"
      LIMIT $5`,
    [programId, pattern, query.status ?? null, after, limit + 1],
  );
  const customers = rows.slice(0, limit).map(customerFromRow);
  return { customers, after: rows.length > limit ? (customers.at(-1)?.id ?? null) : null };
}
