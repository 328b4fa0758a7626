import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as contract from '../src/index.ts';
import * as http from '../src/http.ts';
import * as limits from '../src/limits.ts';
import * as plain from '../src/plain.ts';
import * as surveyAnswers from '../src/survey-answers.ts';

const src = new URL('../src/', import.meta.url);

/** The modules `file` loads at run time, following every import that is not `import type`. */
function runtimeGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.startsWith('./')) return seen;
  const code = readFileSync(new URL(file, src), 'utf8');
  for (const [, typeOnly, from] of code.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?\s+from\s+'([^']+)';/gms)) {
    if (!typeOnly) runtimeGraph(from!, seen);
  }
  return seen;
}

test('the plain entry loads no zod, so a widget importing it builds no schema', () => {
  const graph = runtimeGraph('./plain.ts');
  assert.ok(graph.has('./http.ts') && graph.has('./limits.ts') && graph.has('./survey-answers.ts'));
  assert.deepEqual(
    [...graph].filter((module) => module.startsWith('zod')),
    [],
  );
});

test('the graph walk sees zod where a module imports it', () => {
  assert.ok(runtimeGraph('./summary.ts').has('zod/mini'));
});

test('the plain entry exports every name of the modules it lists', () => {
  assert.deepEqual(
    Object.keys(plain).sort(),
    [...Object.keys(http), ...Object.keys(limits), ...Object.keys(surveyAnswers)].sort(),
  );
});

test('the plain entry exports the same values as the full contract', () => {
  for (const [name, value] of Object.entries(plain)) {
    assert.equal((contract as Record<string, unknown>)[name], value, name);
  }
  assert.equal(plain.rewardPaths.redeem('r 1'), '/v1/me/rewards/r%201/redeem');
  assert.equal(plain.POINTS_HISTORY_MAX_LIMIT, 100);
});
