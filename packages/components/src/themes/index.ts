export { lightTokens, darkTokens, tokenNames, tokenStyles, type LoyaltyToken } from './tokens.ts';
export { sharedStyles } from './shared.styles.ts';
