// web-test-runner: the SDK in real Chromium (IndexedDB, localStorage, Web Locks, `online`) against
// the real reference API (see scripts/web-test-runner.mjs). The files end in `.browser-test.ts`, not
// `.test.ts`: scripts/test.mjs runs every `*.test.ts` under packages/sdk in Node.
import { loyaltyTestRunnerConfig } from '../../scripts/web-test-runner.mjs';

export default loyaltyTestRunnerConfig({
  files: ['test-browser/**/*.browser-test.ts'],
  tsconfig: new URL('./tsconfig.json', import.meta.url),
});
