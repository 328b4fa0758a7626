// Rules of English copy shared by every widget's English strings.

const plural = new Intl.PluralRules('en');

/**
 * The program's own name for its points (plural, as the API sends it), made singular for one:
 * "points" → "point", "Stars" → "Star".
 */
export function pointsUnit(count: number, pointsName: string): string {
  const singular = plural.select(count) === 'one' && /[^s]s$/i.test(pointsName);
  return singular ? pointsName.slice(0, -1) : pointsName;
}

/** "1 point", "1,620 points": a formatted `amount` of `count` points and their name. */
export function enPoints(amount: string, count: number, pointsName: string): string {
  return `${amount} ${pointsUnit(count, pointsName)}`;
}
