// Registration only: importing this file defines <loyalty-points-history> (once; never throws).
import { LoyaltyPointsHistory } from '../points-history/points-history.ts';

LoyaltyPointsHistory.define();

export { LoyaltyPointsHistory };
