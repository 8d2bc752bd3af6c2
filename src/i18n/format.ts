/**
 * How numbers look to the player, in both languages: $1.2B, −$35.0M, 1,234, 12%, $2.50. Pure (no
 * store, no DOM), so the UI and the CLI format the engine's parameters alike. Money written into a
 * sentence (a scenario's briefing, an objective and the result read against it) has its own pair,
 * `usdWords` and `usdResult`: in Chinese in 亿美元 / 万美元, as a Chinese text writes it.
 */

type Lang = 'en' | 'zh-CN';

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

/** `x` ≥ 0 with thousands separators, by hand (no Intl: scenario texts are hashed). */
function groupedDigits(intText: string): string {
  let out = '';
  for (let i = 0; i < intText.length; i++) out += (i > 0 && (intText.length - i) % 3 === 0 ? ',' : '') + intText[i];
  return out;
}

/** A whole number with thousands separators, by hand (no Intl): 12,345, -1,000. */
export function groupedInt(n: number): string {
  return (n < 0 ? '-' : '') + groupedDigits(String(Math.abs(Math.round(n))));
}

/** `x` ≥ 0 to at most four significant digits, trailing zeros dropped, grouped: 2.75, 1,235, 40. */
function sig4(x: number): string {
  if (x === 0) return '0';
  const decimals = Math.max(0, 3 - Math.floor(Math.log10(x)));
  const [whole, frac] = String(Math.round(x * 10 ** decimals) / 10 ** decimals).split('.');
  return groupedDigits(whole!) + (frac ? `.${frac}` : '');
}

/**
 * Money as a text writer puts it in a sentence — $150M, $2.75B, $40,000; 1.5 亿美元, 27.5 亿美元,
 * 4,000 万美元 — to four significant digits, so a threshold is never rounded past the result read
 * against it ($2.75B stays $2.75B, not $2.8B). Done by hand (no Intl): scenario texts filled with it
 * are part of the scenario's hash, the same in every engine.
 */
export function usdWords(n: number, lang: Lang): string {
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (lang === 'zh-CN') {
    if (a >= 1e8) return `${sign}${sig4(a / 1e8)} 亿美元`;
    if (a >= 1e4) return `${sign}${sig4(a / 1e4)} 万美元`;
    return `${sign}${groupedDigits(String(Math.round(a)))} 美元`;
  }
  if (a >= 1e9) return `${sign}$${sig4(a / 1e9)}B`;
  if (a >= 1e6) return `${sign}$${sig4(a / 1e6)}M`;
  return `${sign}$${groupedDigits(String(Math.round(a)))}`;
}

/**
 * A result read against a figure written with `usdWords` (an objective's detail beside its label),
 * in the same units: in Chinese 27.69 亿美元 (to $1M), 4,123 万美元; in English as `usd` with `digits`.
 */
export function usdResult(n: number | null | undefined, lang: Lang, digits = 1): string {
  if (lang !== 'zh-CN' || n === null || n === undefined || !Number.isFinite(n)) return usd(n, digits);
  const sign = n < 0 ? '−' : '';
  const a = Math.abs(n);
  if (a >= 1e8) return `${sign}${(a / 1e8).toFixed(2)} 亿美元`;
  if (a >= 1e4) return `${sign}${groupedDigits(String(Math.round(a / 1e4)))} 万美元`;
  return `${sign}${groupedDigits(String(Math.round(a)))} 美元`;
}
