// Data only (no database, no Node): Storybook's survey fixtures are these definitions too.
import type { SurveyDraft } from '@loyalty-elements/contract';
import seed from '../seed/demo-surveys.json' with { type: 'json' };
import { parseSurveySeed } from './survey-seed.ts';

const surveys = parseSurveySeed(seed, 'seed/demo-surveys.json');

function seeded(id: string): SurveyDraft {
  const survey = surveys.find((candidate) => candidate.id === id);
  if (survey === undefined) throw new Error(`The survey seed seed/demo-surveys.json has no survey "${id}".`);
  return survey;
}

/**
 * The demo program's surveys as `seed/demo-surveys.json` defines them, asked of every shopper (sampling 1.0):
 * after an order (completing it earns 50 points), on the account page, and when a shopper leaves the program.
 * Tests and the widget's demo read ids from here.
 */
export const DEMO_SURVEYS = {
  postPurchase: seeded('post-purchase-nps'),
  accountPage: seeded('account-csat'),
  programExit: seeded('program-exit'),
} as const;
