import { useState } from 'react';
import {
  LoyaltyBirthdayGreeting,
  LoyaltyPointsBalance,
  LoyaltySatisfactionSurvey,
  LoyaltyTierProgress,
} from '@loyalty-elements/react';

export function App() {
  const [name, setName] = useState<string>();
  const [birthdayPoints, setBirthdayPoints] = useState<number>();

  return (
    <main>
      <h1>{name ? `Welcome back, ${name}` : 'Your account'}</h1>
      {birthdayPoints !== undefined && (
        <p role="status" className="notice">
          {birthdayPoints} birthday points are on their way to your next order.
        </p>
      )}
      <div className="widgets">
        <LoyaltyPointsBalance
          signInUrl="/sign-in"
          rewardsUrl="/rewards"
          onLoyaltyReady={(event) => setName(event.detail.customer.name)}
        />
        <LoyaltyTierProgress signInUrl="/sign-in" />
        <LoyaltyBirthdayGreeting
          signInUrl="/sign-in"
          onLoyaltyBirthdayClaimed={(event) => setBirthdayPoints(event.detail.entry.points)}
        />
      </div>
      <LoyaltySatisfactionSurvey trigger="post_purchase" placement="card" mode="step" />
    </main>
  );
}
