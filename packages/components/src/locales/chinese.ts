// Typographic rules of Simplified Chinese copy, shared by every widget's zh-CN strings.

/**
 * An amount and the unit after it in Simplified Chinese copy. Mainland copy, like `Intl` for zh-CN ("3天",
 * "2027年6月3日", "¥1,000.00"), puts no space between Arabic numerals and Chinese: "2,900积分". A unit in
 * Latin letters keeps its space: "50 Stars".
 */
export function zhAmount(amount: string, unit: string): string {
  return `${amount}${zhUnitGap(unit)}${unit}`;
}

/** What goes between an amount and its unit in Simplified Chinese copy: a space before Latin letters only. */
export function zhUnitGap(unit: string): string {
  return /^\p{Script=Latin}/u.test(unit) ? ' ' : '';
}
