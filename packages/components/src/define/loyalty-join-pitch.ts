// Registration only: importing this file defines <loyalty-join-pitch> (once; never throws).
import { LoyaltyJoinPitch } from '../join-pitch/join-pitch.ts';

LoyaltyJoinPitch.define();

export { LoyaltyJoinPitch };
