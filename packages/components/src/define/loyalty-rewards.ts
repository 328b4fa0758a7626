// Registration only: importing this file defines <loyalty-rewards> (once; never throws).
import { LoyaltyRewards } from '../rewards/rewards.ts';

LoyaltyRewards.define();

export { LoyaltyRewards };
