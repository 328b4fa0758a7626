// The referral the fake API answers `GET /v1/me/referral` with, and the scenarios of `<loyalty-referral>` beyond the
// shoppers every widget shares: a program without referrals, one without a landing page, a malformed answer.
import { HttpResponse } from 'msw';
import { REFERRALS_OFF, type Referral } from '@loyalty-elements/contract';
import { summaries } from './fixtures.ts';
import type { Scenario } from './support/fake-api.ts';

/** Lin Mei brought three friends; two ordered. The demo program gives 500 points to her and 300 to each friend. */
export const referral: Referral = {
  enabled: true,
  code: '7K3QX9MA',
  link: 'https://shop.example/join?ref=7K3QX9MA',
  referrerPoints: 500,
  friendPoints: 300,
  friendsJoined: 3,
  friendsRewarded: 2,
  pointsEarned: 1000,
};

export const referralScenarios = {
  'referral-disabled': {
    label: 'Referral: the program has none (renders nothing)',
    summary: () => HttpResponse.json(summaries.linMei),
    referral: () => HttpResponse.json(REFERRALS_OFF),
  },
  'referral-code-only': {
    label: 'Referral: no landing page, the code alone',
    summary: () => HttpResponse.json(summaries.samLee),
    referral: () =>
      HttpResponse.json({ ...referral, link: null, friendsJoined: 0, friendsRewarded: 0, pointsEarned: 0 }),
  },
  'referral-malformed': {
    label: 'Referral: a malformed answer',
    summary: () => HttpResponse.json(summaries.linMei),
    referral: () => HttpResponse.json({ ...referral, code: 42 }),
  },
} satisfies Record<string, Scenario>;
