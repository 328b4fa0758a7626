// Registration only: importing this file defines <loyalty-panel> (once; never throws); the panel defines the widgets
// inside it when it first opens.
import { LoyaltyPanel } from '../panel/panel.ts';

LoyaltyPanel.define();

export { LoyaltyPanel };
