export { lightTokens, darkTokens, tokenDescriptions, tokenNames, tokenStyles, type LoyaltyToken } from './tokens.ts';
export { sharedStyles } from './shared.styles.ts';
