/**
 * Render a message id with its parameters in a language. Placeholders name their format:
 * {x:usd} money ($1.2B), {x:usd2} money with two decimals, {x:usdw} {x:usdw2} money read against a figure
 * in a scenario's text (in Chinese 27.69 亿美元, in English as usd / usd2), {x:price} $2.50, {x:int} a whole count
 * (1,234), {x:n} a bound as typed (10000 and up grouped), {x:fix0} {x:fix1} {x:fix2} a number with that many decimals, {x:turns} 3.2×, {x:mw} 4.2 MW,
 * {x:pct} a number already in percent (12.5%), {x:msg} another message id (rendered with the same parameters), {x:loc} a name given in
 * English as `x` and in Chinese as `x_zh`, {x} as is. A missing id renders as the id itself, so
 * nothing is ever blank.
 */
import { usd, usdResult, int } from './format.ts';

export type Lang = 'en' | 'zh-CN';
export type Table = Record<string, string>;
export type Params = Record<string, string | number>;

function fmt(lang: Lang, tables: { en: Table; zh: Table }, kind: string | undefined, name: string, params: Params): string {
  const v = params[name];
  if (v === undefined) return '';
  if (kind === 'loc') return String((lang === 'zh-CN' ? params[`${name}_zh`] : undefined) ?? v);
  if (typeof v === 'string') return kind === 'msg' ? render(lang, tables, v, params) : v;
  switch (kind) {
    case 'usd': return usd(v);
    case 'usd2': return usd(v, 2);
    case 'usdw': return usdResult(v, lang);
    case 'usdw2': return usdResult(v, lang, 2);
    case 'price': return Number.isFinite(v) ? `$${v.toFixed(2)}` : '—';
    case 'int': return int(v);
    case 'n': return Math.abs(v) >= 1e4 && Number.isInteger(v) ? int(v) : String(v);
    case 'fix0': return v.toFixed(0);
    case 'fix1': return v.toFixed(1);
    case 'fix2': return v.toFixed(2);
    case 'turns': return `${v.toFixed(1)}×`;
    case 'mw': return `${v.toFixed(1)} MW`;
    case 'pct': return `${Number(v.toFixed(1))}%`;
    default: return String(v);
  }
}

const CJK = /[\u3400-\u9fff]/;
const LATIN_START = /^[A-Za-z0-9$]/;
const LATIN_END = /[A-Za-z0-9%]$/;

/**
 * Chinese puts a space between a Chinese character and a Latin word or a number, as the whole
 * catalogue writes it ("部分 GPU 贷款", "第 {week:int} 周"): a parameter filled in right against a
 * Chinese character of its template gets that space ("偿还{kind:msg}" → "偿还 GPU 贷款", not "偿还GPU 贷款").
 */
function zhSpaced(value: string, before: string | undefined, after: string | undefined): string {
  const lead = before !== undefined && CJK.test(before) && LATIN_START.test(value) ? ' ' : '';
  const trail = after !== undefined && CJK.test(after) && LATIN_END.test(value) ? ' ' : '';
  return lead + value + trail;
}

export function render(lang: Lang, tables: { en: Table; zh: Table }, id: string, params: Params = {}): string {
  const tpl = (lang === 'zh-CN' ? tables.zh[id] : undefined) ?? tables.en[id] ?? id;
  return tpl.replace(/\{(\w+)(?::(\w+))?\}/g, (whole: string, name: string, kind: string | undefined, at: number) => {
    const value = fmt(lang, tables, kind, name, params);
    return lang === 'zh-CN' ? zhSpaced(value, tpl[at - 1], tpl[at + whole.length]) : value;
  });
}
