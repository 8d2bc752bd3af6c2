/**
 * Money is held as integer cents in the ledger so sums never drift. Every conversion from a
 * computed dollar amount rounds once, at the booking.
 */

/** Dollars (any float) → whole cents. */
export function toCents(usd: number): number {
  if (!Number.isFinite(usd)) return 0;
  return Math.round(usd * 100);
}

/**
 * A price rounded down to whole cents. The tiny epsilon keeps float noise from costing a cent
 * (6 × 0.95 × 100 is 569.9999…, which must floor to 570, i.e. $5.70, not $5.69).
 */
export function floorToCentUsd(usd: number): number {
  return Math.floor(usd * 100 + 1e-7) / 100;
}

/** Whole cents → dollars. */
export function toUsd(cents: number): number {
  return cents / 100;
}

/** Hours in a week: rents are quoted per GPU-hour, the engine ticks weekly. */
export const HOURS_PER_WEEK = 168;
/** Weeks in the engine's year (4 quarters × 13 weeks). */
export const WEEKS_PER_YEAR = 52;
export const WEEKS_PER_QUARTER = 13;
/** Quarters in a year (a quarter's year-ago report is this many back). */
export const QUARTERS_PER_YEAR = 4;

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
