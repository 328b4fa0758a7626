import { createContext } from '@lit/context';
import type { LoyaltyClient } from '@loyalty-elements/sdk';

/**
 * The `@lit/context` key under which an ancestor (e.g. a future `<loyalty-provider>`) offers a
 * `LoyaltyClient` to the elements inside it. `Symbol.for` so copies of this package agree.
 */
export const loyaltyClientContext = createContext<LoyaltyClient | undefined>(Symbol.for('loyalty-elements.client'));
