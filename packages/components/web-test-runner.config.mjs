// web-test-runner: real Chromium against the real reference API (see scripts/web-test-runner.mjs).
import { loyaltyTestRunnerConfig } from '../../scripts/web-test-runner.mjs';

export default loyaltyTestRunnerConfig({
  files: ['src/**/*.test.ts'],
  tsconfig: new URL('./tsconfig.json', import.meta.url),
});
