/**
 * Percentage shares (占比) that add up exactly: largest-remainder rounding
 * (最大余额法). Each part gets its quota floored to the wanted decimals; the
 * units still missing to reach the rounded total share go to the parts with the
 * largest remainders (ties: the larger part, then the earlier row).
 * Exact: parts and total are integers (分 or another fixed scale), BigInt inside.
 */

export interface ShareInput {
  /** Integer amounts, non-negative. */
  parts: readonly number[];
  /** Integer total, positive. The shares add to round(sum(parts) / total × 100). */
  total: number;
  /** Decimals of the percentage (2 → 94.94). */
  decimals: number;
}

/** Shares in percent (94.94 means 94.94%). */
export function largestRemainderShares({ parts, total, decimals }: ShareInput): number[] {
  if (!(total > 0)) throw new RangeError("total must be positive");
  const totalBig = BigInt(total);
  const scale = 10n ** BigInt(decimals + 2); // percent × 10^decimals
  const sumBig = parts.reduce((sum, part) => sum + BigInt(part), 0n);
  const target = roundHalfUpDiv(sumBig * scale, totalBig);

  const floors = parts.map((part) => (BigInt(part) * scale) / totalBig);
  const remainders = parts.map((part, i) => BigInt(part) * scale - floors[i] * totalBig);
  let missing = target - floors.reduce((sum, floor) => sum + floor, 0n);

  const order = parts
    .map((_, index) => index)
    .sort((a, b) => compareBig(remainders[b], remainders[a]) || parts[b] - parts[a] || a - b);
  for (let k = 0; missing > 0n && order.length > 0; k = (k + 1) % order.length, missing -= 1n) floors[order[k]] += 1n;

  const divisor = 10 ** decimals;
  return floors.map((units) => Number(units) / divisor);
}

function roundHalfUpDiv(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator - quotient * denominator;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
}

function compareBig(a: bigint, b: bigint): number {
  return a > b ? 1 : a < b ? -1 : 0;
}
