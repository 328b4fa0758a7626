import {
  LoyaltyBirthdayGreeting,
  LoyaltyPointsBalance,
  LoyaltyPointsHistory,
  LoyaltyRewards,
  LoyaltySatisfactionSurvey,
  LoyaltyTierProgress,
} from '@loyalty-elements/react';
import { messagesFor, requestLanguage } from './messages.ts';

// A server component: it passes the widgets plain props (strings, numbers, booleans). The widgets are client
// components (their package says so): they load the shopper's data in the browser, with the client that
// instrumentation-client.ts sets up.
export default async function AccountPage() {
  const { heading } = messagesFor(await requestLanguage());
  return (
    <main>
      <h1>{heading}</h1>
      <div className="widgets">
        <LoyaltyPointsBalance signInUrl="/sign-in" rewardsUrl="#rewards" />
        <LoyaltyTierProgress signInUrl="/sign-in" />
        <LoyaltyBirthdayGreeting signInUrl="/sign-in" />
      </div>
      <LoyaltySatisfactionSurvey trigger="post_purchase" placement="card" mode="step" />
      <section id="rewards" className="widgets">
        <LoyaltyRewards signInUrl="/sign-in" />
        <LoyaltyPointsHistory signInUrl="/sign-in" pageSize={5} />
      </section>
    </main>
  );
}
