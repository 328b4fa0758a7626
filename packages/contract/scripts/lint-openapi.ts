// `pnpm --filter @loyalty-elements/contract lint:openapi`: lints the OpenAPI document with Redocly's recommended
// rules and exits 1 on any problem, a warning included.
import { buildOpenApiDocument } from '../src/openapi.ts';
import { describeProblem, lintOpenApiDocument } from './openapi-lint.ts';

const report = lintOpenApiDocument(buildOpenApiDocument());
for (const problem of report.problems) console.log(describeProblem(problem));
const { errors, warnings } = report.totals;
console.log(`OpenAPI document, Redocly recommended rules: ${errors} errors, ${warnings} warnings`);
process.exitCode = errors + warnings === 0 ? 0 : 1;
