import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer: string }>;
}

export interface LintReport {
  totals: { errors: number; warnings: number };
  problems: LintProblem[];
}

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const redocly = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

/** Lints an OpenAPI document with Redocly's recommended rules (as redocly.yaml sets them), from a temporary file. */
export function lintOpenApiDocument(document: unknown): LintReport {
  const scratch = mkdtempSync(join(tmpdir(), 'loyalty-openapi-'));
  try {
    const file = join(scratch, 'openapi.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    const args = [
      'lint',
      file,
      '--config',
      join(packageDir, 'redocly.yaml'),
      '--format',
      'json',
      '--max-problems',
      '1000',
    ];
    const { stdout, stderr } = spawnSync(process.execPath, [redocly, ...args], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    try {
      return JSON.parse(stdout) as LintReport;
    } catch {
      throw new Error(`Redocly printed no report:\n${stdout}\n${stderr}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const describeProblem = (problem: LintProblem) =>
  `${problem.severity} ${problem.ruleId} at ${problem.location[0]?.pointer ?? '#'}: ${problem.message}`;
