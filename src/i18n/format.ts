/**
 * How numbers look to the player, in both languages: $1.2B, −$35.0M, 1,234, 12%, $2.50. Pure (no
 * store, no DOM), so the UI and the CLI format the engine's parameters alike.
 */

const compact = (n: number, digits = 1): string => {
  const a = Math.abs(n);
  if (a >= 1e12) return (n / 1e12).toFixed(digits) + 'T';
  if (a >= 1e9) return (n / 1e9).toFixed(digits) + 'B';
  if (a >= 1e6) return (n / 1e6).toFixed(digits) + 'M';
  if (a >= 1e3) return (n / 1e3).toFixed(digits) + 'k';
  return n.toFixed(0);
};

/** $1.2B, −$35.0M */
export function usd(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return (n < 0 ? '−$' : '$') + compact(Math.abs(n), digits);
}
export function num(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return (n < 0 ? '−' : '') + compact(Math.abs(n), digits);
}
export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
export function pct(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return (n * 100).toFixed(digits) + '%';
}
export function price(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return '$' + n.toFixed(2);
}
