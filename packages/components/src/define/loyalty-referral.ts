// Registration only: importing this file defines <loyalty-referral> (once; never throws).
import { LoyaltyReferral } from '../referral/referral.ts';

LoyaltyReferral.define();

export { LoyaltyReferral };
