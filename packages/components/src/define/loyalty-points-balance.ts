// Registration only: importing this file defines <loyalty-points-balance> (once; never throws).
import { LoyaltyPointsBalance } from '../points-balance/points-balance.ts';

LoyaltyPointsBalance.define();

export { LoyaltyPointsBalance };
