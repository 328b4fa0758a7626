export { createLoyaltyClient, type LoyaltyClient, type LoyaltyClientOptions } from './client.ts';
export { LoyaltyError, isLoyaltyError, type LoyaltyErrorCode } from './errors.ts';
export { customerTokenFromUrl, type CustomerTokenGetter } from './token-source.ts';
export type { Summary, TierRef, LocalizedText, Problem } from '@loyalty-elements/contract';
