// Registration only: importing this file defines <loyalty-birthday-greeting> (once; never throws).
import { LoyaltyBirthdayGreeting } from '../birthday-greeting/birthday-greeting.ts';

LoyaltyBirthdayGreeting.define();

export { LoyaltyBirthdayGreeting };
