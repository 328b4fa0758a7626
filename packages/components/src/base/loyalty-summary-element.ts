import type { LoyaltyClient, Summary } from '@loyalty-elements/sdk';
import { LoyaltyDataElement } from './loyalty-data-element.ts';

/** A widget that needs only the shopper's summary (one request serves every widget on the page). */
export abstract class LoyaltySummaryElement extends LoyaltyDataElement<Summary> {
  protected load(client: LoyaltyClient): Promise<Summary> {
    return client.getSummary();
  }

  protected summaryOf(summary: Summary): Summary {
    return summary;
  }
}
