// Registration only: importing this file defines <loyalty-ways-to-earn> (once; never throws).
import { LoyaltyWaysToEarn } from '../ways-to-earn/ways-to-earn.ts';

LoyaltyWaysToEarn.define();

export { LoyaltyWaysToEarn };
