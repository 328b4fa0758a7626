import type { LoyaltyReadyEvent, LoyaltySurveySubmittedEvent } from '@loyalty-elements/components';

// A Next.js or React 19 page using the elements' own tags. Each `@ts-expect-error` must be an error: a line that
// type-checked would fail the check ("unused directive").
export function Account({ onBalance }: { onBalance: (balance: number) => void }) {
  return (
    <main>
      <loyalty-points-balance
        sign-in-url="/sign-in"
        color-scheme="dark"
        heading-level={2}
        onloyalty-ready={(event: LoyaltyReadyEvent) => onBalance(event.detail.points.balance)}
      />
      <loyalty-satisfaction-survey
        trigger="post_purchase"
        placement="card"
        onloyalty-survey-submitted={(event: LoyaltySurveySubmittedEvent) => event.detail}
      />
      {/* @ts-expect-error a misspelt attribute */}
      <loyalty-satisfaction-survey placment="card" />
      {/* @ts-expect-error a value of the wrong type */}
      <loyalty-points-balance heading-level="two" />
      {/* @ts-expect-error a value outside the attribute's choices */}
      <loyalty-points-balance color-scheme="purple" />
      {/* @ts-expect-error a handler for another type of event */}
      <loyalty-points-balance onloyalty-ready={(event: number) => event} />
      {/* @ts-expect-error a tag that does not exist */}
      <loyalty-points-balanse />
    </main>
  );
}
