/**
 * Number formatting for text the engine stores (news, command summaries). Intl formatting may
 * differ between JS engines, and stored text is part of the hashed state, so this is done by hand.
 */

/** 1234567 → "1,234,567" (rounded to a whole number). */
export function groupDigits(x: number): string {
  const n = Math.round(x);
  const s = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return n < 0 ? `-${out}` : out;
}
