// Points an order earns, computed exactly: rates like 1.1 are decimals, and 1.1 × 100 must give 110, not 110.00000000000001.

/** Digits after the decimal point in the currency's minor unit: JPY 0, CNY 2, KWD 3. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** A finite, non-negative number as an exact decimal: `units / 10^scale` (1.1 → 11 / 10). */
function toDecimal(value: number): { units: bigint; scale: number } {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`Not a non-negative rate: ${value}`);
  // The shortest decimal that reads back as `value`: what the merchant typed.
  const [mantissa = '0', exponentText] = String(value).toLowerCase().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const exponent = Number(exponentText ?? 0);
  const scale = fraction.length - exponent;
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? { units: digits, scale } : { units: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** `floor(amount / 10^minor digits × earnRate × multiplier)`, exactly. */
export function orderPoints(amount: number, currency: string, earnRate: number, multiplier: number): number {
  const rate = toDecimal(earnRate);
  const factor = toDecimal(multiplier);
  const numerator = BigInt(amount) * rate.units * factor.units;
  const denominator = 10n ** BigInt(minorUnitDigits(currency) + rate.scale + factor.scale);
  return Number(numerator / denominator);
}

/** Of an order's `points`, how many refunds totalling `refunded` of its `amount` take back in all: floor(points × refunded / amount). */
export function pointsRefunded(points: number, amount: number, refunded: number): number {
  if (amount === 0) return 0;
  return Number((BigInt(points) * BigInt(refunded)) / BigInt(amount));
}
