import * as z from 'zod/mini';
import { validationFailed } from './problem.ts';

// zod/mini ships without messages ("Invalid input"); field errors should say what is wrong.
z.config(z.locales.en());

/**
 * Parses `value` with a contract schema or throws a 400 `validation_failed` whose field paths start
 * with `where` (`body`, `query.customer`, `path.customerId`, …).
 */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  throw validationFailed(
    result.error.issues.map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}
