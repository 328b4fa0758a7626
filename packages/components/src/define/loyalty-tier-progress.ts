// Registration only: importing this file defines <loyalty-tier-progress> (once; never throws).
import { LoyaltyTierProgress } from '../tier-progress/tier-progress.ts';

LoyaltyTierProgress.define();

export { LoyaltyTierProgress };
