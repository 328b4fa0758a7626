import { createHash } from 'node:crypto';

/**
 * The customer's fixed place in [0, 1) for a survey: the first 48 bits of
 * SHA-256(surveyId NUL customerId) over 2^48. The same pair always lands on the same point, so
 * asking again never re-rolls the dice; different surveys sample independent-looking subsets.
 */
export function samplingPoint(customerId: string, surveyId: string): number {
  const digest = createHash('sha256').update(`${surveyId}\u0000${customerId}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** Whether the customer is inside a survey's sample at `rate` (0: nobody, 1: everybody). */
export function inSample(customerId: string, surveyId: string, rate: number): boolean {
  return samplingPoint(customerId, surveyId) < rate;
}
