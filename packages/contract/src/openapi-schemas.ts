import * as z from 'zod/mini';
import * as contract from './index.ts';
import { Problem } from './errors.ts';

export type JsonSchema = Record<string, unknown>;

/** The JSON Schema (2020-12, as OpenAPI 3.1 reads it) of a contract schema, as a request (`input`) or an answer. */
export function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** `^[1-9]\d{0,8}$`: a whole number from 1 to 999 999 999, written as text. */
const POSITIVE_DIGITS = /^\^\[1-9\]\\d\{0,(\d+)\}\$$/;

/**
 * A query parameter's schema as a client sends it. The contract reads every query value from text, so zod describes
 * a whole number as a `number` that is a `multipleOf: 1`, a version as a text of digits and a flag as the text
 * `true` or `false`; the document says `integer` and `boolean`, which a client serialises to exactly that text.
 */
export function queryParameterSchema(schema: JsonSchema): JsonSchema {
  if (schema.type === 'number' && schema.multipleOf === 1) {
    const { multipleOf: _whole, ...rest } = schema;
    return { ...rest, type: 'integer' };
  }
  const digits = typeof schema.pattern === 'string' ? POSITIVE_DIGITS.exec(schema.pattern) : null;
  if (schema.type === 'string' && digits) {
    return { type: 'integer', minimum: 1, maximum: 10 ** (Number(digits[1]) + 1) - 1 };
  }
  const values = schema.enum as unknown[] | undefined;
  if (values?.length === 2 && values.includes('true') && values.includes('false')) return { type: 'boolean' };
  return schema;
}

/** The contract's schemas by the names it exports them under (`Summary`, `OrderRequest`, …). */
const CONTRACT_NAMES = new Map<unknown, string>(
  Object.entries(contract)
    .filter(([, value]) => typeof value === 'object' && value !== null && '_zod' in value)
    .map(([name, value]) => [value, name]),
);

/**
 * The document's named schemas: every request and response body is a `$ref` to one, named as the contract exports
 * it (or after its operation when the contract has no name for it), so a client generated from the document gets
 * named types. A schema whose request form differs from its response form gets a second name ending in `Input`.
 */
export class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = { Problem: jsonSchema(Problem, 'output') };

  ref(schema: z.ZodMiniType, io: 'input' | 'output', fallbackName: string): JsonSchema {
    const json = jsonSchema(schema, io);
    let name = CONTRACT_NAMES.get(schema) ?? fallbackName;
    const known = this.schemas[name];
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(json)) name = `${name}Input`;
    this.schemas[name] = json;
    return { $ref: `#/components/schemas/${name}` };
  }
}
