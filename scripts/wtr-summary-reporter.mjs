// A web-test-runner reporter that writes the run's totals as JSON, so scripts/test.mjs can add
// them to the other suites' counts. The file path comes from LOYALTY_TEST_SUMMARY_FILE.
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function summaryFileReporter(file = process.env.LOYALTY_TEST_SUMMARY_FILE) {
  return {
    onTestRunFinished({ sessions }) {
      if (!file) return;
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = totals.failed;
        count(session.testResults, totals);
        // A file that failed to load or threw outside a test still fails the run.
        if (!session.passed && totals.failed === before) totals.failed += 1;
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
