import type { Queryable } from '../store/database.ts';

export interface Customer {
  id: string;
  name: string;
  locale: string | null;
}

export async function findCustomer(db: Queryable, programId: string, id: string): Promise<Customer | undefined> {
  const [row] = await db.query<Customer>('SELECT id, name, locale FROM customers WHERE program_id = $1 AND id = $2', [
    programId,
    id,
  ]);
  return row;
}

export async function insertCustomer(db: Queryable, programId: string, customer: Customer): Promise<void> {
  await db.query('INSERT INTO customers (program_id, id, name, locale) VALUES ($1, $2, $3, $4)', [
    programId,
    customer.id,
    customer.name,
    customer.locale,
  ]);
}
