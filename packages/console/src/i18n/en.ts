import { overviewStrings } from '../pages/overview/strings.ts';
import { recoveryStrings } from '../pages/recovery/strings.ts';
import { customersStrings } from '../pages/customers/strings.ts';
import { programStrings } from '../pages/program/strings.ts';
import { feedbackStrings } from '../pages/feedback/strings.ts';
import { exitsStrings } from '../pages/exits/strings.ts';

/** The console’s strings in English: the shell’s own, and each page’s block from `pages/<page>/strings.ts`; `zh-CN.ts` has the same keys. */
export const en = {
  appName: 'Loyalty console',
  nav: {
    label: 'Pages',
    overview: 'Overview',
    feedback: 'Feedback',
    recovery: 'Service recovery',
    exits: 'Exits',
    customers: 'Customers',
    program: 'Program',
  },
  language: 'Language',
  darkTheme: 'Dark theme',
  signOut: 'Sign out',
  signIn: {
    title: 'Sign in to the console',
    intro: 'Enter your program’s secret key. It is exchanged once for a session: the page never keeps the key.',
    secretKey: 'Secret key',
    submit: 'Sign in',
    demo: 'Sign in with the demo key',
    demoNote: 'Demo mode: the demo program’s key is public.',
    wrongKey: 'That is not a secret key of a program. Check it and try again.',
    failed: 'Signing in failed. Try again in a moment.',
    signingIn: 'Signing in…',
  },
  loading: 'Loading…',
  errorLoading: 'The figures could not be loaded.',
  retry: 'Try again',
  sessionEnded: 'Your session has ended. Sign in again to continue.',
  sessionCheckFailed: 'Could not check whether you are signed in.',
  signOutFailed: 'Signing out failed. Try again in a moment.',
  showTable: 'Show as table',
  overview: overviewStrings.en,
  recovery: recoveryStrings.en,
  customers: customersStrings.en,
  program: programStrings.en,
  feedback: feedbackStrings.en,
  exits: exitsStrings.en,
};

export type Strings = typeof en;
