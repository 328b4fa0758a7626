import type { Hono } from 'hono';
import { PUBLISHABLE_KEY_HEADER, paths, type Summary } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { birthdayStatus, customerTimeZone } from '../domain/birthdays.ts';
import type { Customer } from '../domain/customers.ts';
import { qualifyingActivity, writeOffIfLapsed } from '../domain/ledger-reads.ts';
import { pointsAndSurveyContacts } from '../domain/summary-reads.ts';
import type { Program } from '../domain/programs.ts';
import { summaryValidUntil } from '../domain/summary-validity.ts';
import { dueSurveys, sampledSurveyIds, type ProgramSurveys } from '../domain/surveys/eligibility.ts';
import { activitySince, tierStanding } from '../domain/tiers.ts';
import type { Database } from '../store/database.ts';
import { conditionalAnswer, jsonAnswer, signedInCustomer } from './request.ts';

export function summaryRoute(app: Hono, context: AppContext): void {
  app.get(paths.summary, async (c) => {
    const { program, customer, version } = await signedInCustomer(c, context);
    const now = context.now();
    const [programId, customerId] = [program.id, customer.id];
    const counters = { version, settingsVersion: program.settingsVersion };
    // Only a build takes one of the customer's turns: a summary from memory costs next to nothing.
    const build = async () => {
      const asked = await context.settings.surveysOf(context.db, program);
      const { summary, nextAvailableAt } = await customerSummary(context.db, program, customer, asked, now);
      const validUntil = summaryValidUntil(summary, nextAvailableAt, now);
      // Writes made while the summary was built bumped the version past `version`: it is not served again.
      return { ...counters, builtAt: now.getTime(), validUntil, answer: jsonAnswer(summary) };
    };
    const answer = await context.summaries.getOrBuild(programId, customerId, counters, now, () =>
      context.turns.run(programId, customerId, build),
    );
    return conditionalAnswer(c, answer, 'private, no-cache', `Authorization, ${PUBLISHABLE_KEY_HEADER}`);
  });
}

/**
 * Everything the widgets show about one customer at `now`: profile, points, tier, birthday and surveys due; and
 * when pending points next become spendable, which the summary does not show but changes at.
 */
export async function customerSummary(
  db: Database,
  program: Program,
  customer: Customer,
  asked: ProgramSurveys,
  now: Date,
): Promise<{ summary: Summary; nextAvailableAt: Date | null }> {
  const since = activitySince(program.tierWindowMonths, now);
  const ids = { programId: program.id, customerId: customer.id };
  const [state, activity, birthday] = await Promise.all([
    pointsAndSurveyContacts(db, ids, sampledSurveyIds(asked.surveys, customer.id), now),
    qualifyingActivity(db, program, customer.id, since, now),
    birthdayStatus(db, program, customer, now),
  ]);
  const [, surveys] = await Promise.all([
    writeOffIfLapsed(db, ids, state.points, now),
    dueSurveys(db, { ...ids, now }, asked, state.contacts),
  ]);
  const { points } = state.points;
  const tier = tierStanding(program.tiers, activity, program.tierWindowMonths, now, program.tierRiskHorizonDays);
  const summary: Summary = {
    customer: {
      id: customer.id,
      name: customer.name,
      locale: customer.locale,
      timezone: customerTimeZone(program, customer),
    },
    program: { name: program.name, pointsName: program.pointsName },
    points,
    tier: {
      current: { id: tier.current.id, name: tier.current.name },
      next: tier.next && { id: tier.next.id, name: tier.next.name },
      progress: {
        metric: program.tierMetric,
        qualified: tier.qualified,
        nextThreshold: tier.nextThreshold,
        remaining: tier.remaining,
      },
      windowEndsAt: tier.windowEndsAt?.toISOString() ?? null,
      atRisk: tier.atRisk && {
        retainThreshold: tier.atRisk.retainThreshold,
        remaining: tier.atRisk.remaining,
        at: tier.atRisk.at.toISOString(),
        dropsTo: { id: tier.atRisk.dropsTo.id, name: tier.atRisk.dropsTo.name },
      },
    },
    birthday,
    surveysDue: [...surveys.keys()],
    dueSurveys: Object.fromEntries(surveys),
  };
  return { summary, nextAvailableAt: state.points.nextAvailableAt };
}
