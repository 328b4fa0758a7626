import type { Database, Queryable } from '../../src/store/database.ts';

/**
 * Counts the statements the app sends to its database: pass `wrap` as the server's `wrapDatabase`, then read
 * {@link StatementCounter.during} around one request. BEGIN and COMMIT count as statements.
 */
export class StatementCounter {
  #count = 0;
  readonly statements: string[] = [];

  readonly wrap = (db: Database): Database => ({
    ...this.#counted(db),
    transaction: (fn) =>
      db.transaction((tx) => {
        this.#record('BEGIN');
        return fn(this.#counted(tx)).then((result) => {
          this.#record('COMMIT');
          return result;
        });
      }),
    ...(db.listen ? { listen: db.listen.bind(db) } : {}),
    close: () => db.close(),
  });

  /** How many statements `run` made the app send, and which. */
  async during(run: () => Promise<unknown>): Promise<{ count: number; statements: string[] }> {
    const start = this.#count;
    const from = this.statements.length;
    await run();
    return { count: this.#count - start, statements: this.statements.slice(from) };
  }

  #counted(target: Queryable): Queryable {
    return {
      query: (sql, params) => {
        this.#record(sql);
        return target.query(sql, params);
      },
      exec: (sql) => {
        this.#record(sql);
        return target.exec(sql);
      },
    };
  }

  #record(sql: string): void {
    this.#count++;
    this.statements.push(sql.replace(/\s+/g, ' ').trim().slice(0, 120));
  }
}
