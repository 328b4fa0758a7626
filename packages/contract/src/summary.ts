import * as z from 'zod/mini';
import { Identifier, LocalizedText, Points } from './primitives.ts';

export const TierRef = z.object({
  id: Identifier,
  name: LocalizedText,
});
export type TierRef = z.infer<typeof TierRef>;

/**
 * `GET /v1/me/summary`: everything the widgets on one page need about the signed-in customer,
 * in one response.
 */
export const Summary = z.object({
  customer: z.object({
    id: Identifier,
    name: z.string(),
    locale: z.nullable(z.string()),
  }),
  program: z.object({
    name: z.string(),
    /** What the program calls its points, per language (`{ en: "points", "zh-CN": "积分" }`). */
    pointsName: LocalizedText,
  }),
  points: z.object({
    balance: Points,
  }),
  tier: z.object({
    current: TierRef,
  }),
});
export type Summary = z.infer<typeof Summary>;
