import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';

/** What the validator reads of an OpenAPI 3.1 document. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown> };
}
interface OpenApiOperation {
  operationId: string;
  responses: Record<string, OpenApiResponse>;
}
interface OpenApiResponse {
  content?: Record<string, { schema: Record<string, unknown> }>;
  headers?: Record<string, { required?: boolean; schema: Record<string, unknown> }>;
}

/**
 * The response headers with a meaning of their own to a client: each one sent must be documented for that status,
 * and each documented as required must be sent. The rest are the same on every answer (Content-Type, checked
 * against the documented media types; Cache-Control, Vary, X-Request-Id, CORS, security and connection headers).
 */
export const CHECKED_HEADERS = [
  'ETag',
  'Idempotent-Replayed',
  'Retry-After',
  'RateLimit-Policy',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'Location',
  'Content-Disposition',
] as const;

const DOCUMENT_ID = 'https://loyalty-elements.invalid/openapi.json';
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020;

/** An answer that is not what the document says. */
export class UndocumentedResponse extends Error {
  override name = 'UndocumentedResponse';
}

/**
 * Checks live answers against an OpenAPI 3.1 document, independently of the contract's zod schemas: the status is
 * one the operation documents (`default` does not count), the media type is a documented one (none for a body-less
 * answer), the loyalty headers agree with the documented ones, and the body validates against the documented schema
 * with Ajv's JSON Schema 2020-12 validator, the dialect of OpenAPI 3.1.
 */
export class OpenApiResponseValidator {
  readonly #document: OpenApiDocument;
  readonly #ajv = new Ajv2020({ strict: true, allErrors: true });
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.#document = document;
    addFormats(this.#ajv);
    // OpenAPI's annotation keywords, which JSON Schema 2020-12 leaves to vocabularies.
    this.#ajv.addVocabulary(['discriminator', 'xml', 'externalDocs', 'example']);
    // The document's schemas, under a keyword of their own: a `$ref` of the document (`#/components/schemas/…`)
    // then resolves as a JSON pointer into them.
    this.#ajv.addVocabulary(['components']);
    this.#ajv.addSchema({ $id: DOCUMENT_ID, components: document.components } as object);
    // Compiled up front: compiling the larger schemas mid-test takes long enough on a busy machine for the server
    // to close the client's idle keep-alive connection under its next request.
    for (const methods of Object.values(document.paths)) {
      for (const operation of Object.values(methods)) {
        for (const response of Object.values(operation.responses)) {
          for (const media of Object.values(response.content ?? {})) this.#validator(media.schema);
          for (const header of Object.values(response.headers ?? {})) this.#validator(header.schema);
        }
      }
    }
  }

  /** The operation documented at a path template (`/v1/admin/customers/{customerId}`) and method. */
  operation(path: string, method: string): OpenApiOperation {
    const operation = this.#document.paths[path]?.[method.toLowerCase()];
    if (!operation) throw new UndocumentedResponse(`${method} ${path} is not in the document`);
    return operation;
  }

  /** Throws an UndocumentedResponse naming every way the answer differs from the document. */
  check(path: string, method: string, status: number, headers: Headers, body: string): void {
    const operation = this.operation(path, method);
    const where = `${operation.operationId} (${method.toUpperCase()} ${path}) answered ${status}`;
    const documented = operation.responses[String(status)];
    if (!documented) throw new UndocumentedResponse(`${where}, which is not documented: ${body.slice(0, 300)}`);
    const problems = [...this.#headerProblems(documented, headers), ...this.#bodyProblems(documented, headers, body)];
    if (problems.length > 0) throw new UndocumentedResponse(`${where}: ${problems.join('; ')}`);
  }

  #headerProblems(documented: OpenApiResponse, headers: Headers): string[] {
    const problems: string[] = [];
    const declared = new Map(
      Object.entries(documented.headers ?? {}).map(([name, spec]) => [name.toLowerCase(), spec]),
    );
    for (const [name, spec] of declared) {
      if (spec.required && !headers.has(name)) problems.push(`required header ${name} missing`);
    }
    for (const name of CHECKED_HEADERS) {
      const value = headers.get(name);
      if (value === null) continue;
      const spec = declared.get(name.toLowerCase());
      if (!spec) {
        problems.push(`header ${name} sent but not documented`);
        continue;
      }
      const typed = spec.schema.type === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
      const errors = this.#errors(spec.schema, typed);
      if (errors) problems.push(`header ${name}: ${value} ${errors}`);
    }
    return problems;
  }

  #bodyProblems(documented: OpenApiResponse, headers: Headers, body: string): string[] {
    const contentType = headers.get('content-type');
    if (!documented.content) {
      const problems = [];
      if (contentType !== null) problems.push(`a body type (${contentType}) where none is documented`);
      if (body !== '') problems.push('a body where none is documented');
      return problems;
    }
    const mediaType = contentType?.split(';')[0]?.trim() ?? '';
    const media = documented.content[mediaType];
    if (!media) return [`content type ${contentType} is not among ${Object.keys(documented.content).join(', ')}`];
    let value: unknown = body;
    if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
      try {
        value = JSON.parse(body);
      } catch {
        return [`a ${mediaType} body that is not JSON`];
      }
    }
    const errors = this.#errors(media.schema, value);
    return errors ? [`body ${errors}`] : [];
  }

  /** Ajv's errors for a value against a schema of the document (whose `$ref`s point into its components). */
  #errors(schema: Record<string, unknown>, value: unknown): string | null {
    const validate = this.#validator(schema);
    return validate(value) ? null : this.#ajv.errorsText(validate.errors, { dataVar: '' });
  }

  #validator(schema: Record<string, unknown>): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.#compiled.get(key);
    if (!validate) {
      const ref = schema.$ref;
      validate =
        typeof ref === 'string' && ref.startsWith('#/')
          ? this.#ajv.compile({ $ref: `${DOCUMENT_ID}${ref}` })
          : this.#ajv.compile(schema);
      this.#compiled.set(key, validate);
    }
    return validate;
  }
}
