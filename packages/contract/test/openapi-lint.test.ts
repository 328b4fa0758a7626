import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildOpenApiDocument } from '../src/openapi.ts';
import { describeProblem, lintOpenApiDocument } from '../scripts/openapi-lint.ts';

test('the OpenAPI document lints clean with Redocly’s recommended rules: no error, no warning', () => {
  const report = lintOpenApiDocument(buildOpenApiDocument());
  assert.deepEqual(report.problems.map(describeProblem), []);
  assert.deepEqual(report.totals, { errors: 0, warnings: 0, ignored: 0 });
});

test('the linter reports a warning the document would have: an operation without an operationId', () => {
  const document = buildOpenApiDocument() as { paths: Record<string, Record<string, { operationId?: string }>> };
  delete document.paths['/v1/me/summary']!.get!.operationId;
  const report = lintOpenApiDocument(document);
  assert.deepEqual(
    report.problems.map((problem) => [problem.ruleId, problem.location[0]?.pointer]),
    [['operation-operationId', '#/paths/~1v1~1me~1summary/get/operationId']],
  );
});
