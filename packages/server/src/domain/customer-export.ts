import { jsonValue, type Queryable } from '../store/database.ts';

/**
 * Every row stored about one customer, table by table: the right of access and of portability. The tables are
 * read from the database's catalog (each with a `customer_id` column beside its `program_id`, plus the
 * `customers` row itself), so a table added by a later migration is exported without being listed here.
 * Rows come as the database's JSON of them: column names as stored, the same on every store.
 */
export async function customerRecords(
  db: Queryable,
  programId: string,
  customerId: string,
): Promise<Record<string, Record<string, unknown>[]>> {
  const tables = await customerTables(db);
  const records: Record<string, Record<string, unknown>[]> = {};
  for (const { table, keyColumn } of tables) {
    const rows = await db.query<{ row: Record<string, unknown> | string }>(
      `SELECT to_jsonb(t) AS row FROM ${quoteIdentifier(table)} t
        WHERE t.program_id = $1 AND t.${quoteIdentifier(keyColumn)} = $2
        ORDER BY to_jsonb(t)::text`,
      [programId, customerId],
    );
    records[table] = rows.map(({ row }) => jsonValue(row));
  }
  return records;
}

/** The tables that hold rows of a customer, with the column naming the customer, from the catalog. */
export async function customerTables(db: Queryable): Promise<{ table: string; keyColumn: string }[]> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND c.column_name = 'customer_id' AND t.table_type = 'BASE TABLE'
        AND EXISTS (SELECT 1 FROM information_schema.columns p
                     WHERE p.table_schema = c.table_schema AND p.table_name = c.table_name
                       AND p.column_name = 'program_id')
      ORDER BY c.table_name`,
  );
  return [
    { table: 'customers', keyColumn: 'id' },
    ...rows.map((row) => ({ table: row.table_name, keyColumn: 'customer_id' })),
  ];
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
