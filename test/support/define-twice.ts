// Run in its own process (see server-define.e2e.ts): another copy of the points balance holds the tag on the server
// registry Lit installs in Node, then the package's own class registers. Prints the console warnings as JSON.
import { LoyaltyPointsBalance } from '@loyalty-elements/components';

const warnings: string[] = [];
console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
const Base = Object.getPrototypeOf(LoyaltyPointsBalance) as CustomElementConstructor;
customElements.define(LoyaltyPointsBalance.tagName, class AnotherCopy extends Base {});
LoyaltyPointsBalance.define();
process.stdout.write(JSON.stringify({ warnings, kept: customElements.get(LoyaltyPointsBalance.tagName)?.name }));
