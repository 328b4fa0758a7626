// The scenarios of `<loyalty-ways-to-earn>` beyond the shoppers every widget shares: a program that rewards none of
// its ways, and a malformed program. The demo program's ways to earn are in fixtures.ts (`programs.teaHouse`).
import { HttpResponse } from 'msw';
import type { Program } from '@loyalty-elements/contract';
import { programs, summaries } from './fixtures.ts';
import type { Scenario } from './support/fake-api.ts';

/** The demo program with no earn rate, welcome bonus, birthday gift or survey reward. */
const nothingToEarn: Program = {
  ...programs.teaHouse,
  birthday: null,
  earning: { earnRate: 0, welcomeBonus: 0, surveyPoints: 0, referral: null },
};

export const waysToEarnScenarios = {
  'ways-empty': {
    label: 'Ways to earn: the program rewards none of them',
    summary: () => HttpResponse.json(summaries.samLee),
    program: () => HttpResponse.json(nothingToEarn),
  },
  'ways-malformed': {
    label: 'Ways to earn: a malformed program',
    summary: () => HttpResponse.json(summaries.linMei),
    program: () => HttpResponse.json({ ...programs.teaHouse, earning: { earnRate: 'lots' } }),
  },
} satisfies Record<string, Scenario>;
