// A web-test-runner reporter that writes the run's totals as JSON, so scripts/test.mjs can add
// them to the other suites' counts, with the names of the tests that failed. The file path comes from LOYALTY_TEST_SUMMARY_FILE.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

function count(suite, totals, where) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else {
      totals.failed += 1;
      totals.failures.push(`${where} › ${test.name}`);
    }
  }
  for (const child of suite.suites ?? []) count(child, totals, `${where} › ${child.name}`);
}

export function summaryFileReporter(file = process.env.LOYALTY_TEST_SUMMARY_FILE) {
  return {
    onTestRunFinished({ sessions }) {
      if (!file) return;
      const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        const before = totals.failed;
        const file = relative(process.cwd(), session.testFile);
        count(session.testResults, totals, file);
        // A file that failed to load or threw outside a test still fails the run.
        if (!session.passed && totals.failed === before) {
          totals.failed += 1;
          totals.failures.push(`${file}: ${session.errors?.[0]?.message ?? 'failed outside its tests'}`);
        }
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
