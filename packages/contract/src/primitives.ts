import * as z from 'zod/mini';

/** Text in several languages, keyed by BCP 47 tag (`en`, `zh-CN`, …). */
export const LocalizedText = z.record(z.string(), z.string());
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A whole, non-negative number of points. */
export const Points = z.int().check(z.gte(0));

/** An identifier chosen by the merchant (customer id, tier id, …). */
export const Identifier = z.string().check(z.minLength(1), z.maxLength(128));
