// Registration only: importing this file defines <loyalty-satisfaction-survey> (once; never throws).
import { LoyaltySatisfactionSurvey } from '../satisfaction-survey/satisfaction-survey.ts';

LoyaltySatisfactionSurvey.define();

export { LoyaltySatisfactionSurvey };
