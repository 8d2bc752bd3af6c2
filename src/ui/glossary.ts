/**
 * Jargon explained where it appears: the game's own glossary merged with the scenario's
 * (lesson.teaching.glossary), in both languages. A scenario entry for the same word (its English
 * term matches one of the game's) replaces the game's definition; its other entries are terms of
 * their own.
 *
 * - `term(key, text?)` renders one focusable word (tabindex 0, dotted underline) tied by
 *   `aria-describedby` to its definition, which screen readers announce on focus.
 * - `withTerms(text)` finds every glossary word in a sentence (first occurrence of each) and returns
 *   the sentence with those words as terms: briefings, the advisor, table captions and row labels.
 *
 * The definitions live once in a hidden store (`#glossary-defs`, ids `def-<key>`); one shared
 * tooltip (`#term-tip`, role tooltip) shows the definition on hover or keyboard focus, placed in the
 * viewport (position: fixed, so it never widens a scrolling panel), inside an open modal dialog when
 * the word is in one. It stays while the pointer moves onto it, and Escape dismisses it (WCAG 1.4.13).
 * The word's text content stays the word alone.
 */
import { h } from './dom.ts';
import { lang, loc } from './i18n.ts';
import { getState } from '../store/ui.ts';

type Texts = { en: string; 'zh-CN': string };
/** A glossary entry: its name, definition, and the words that stand for it in running text (regex sources; English ones match whole words, any case). */
type Entry = { term: Texts; definition: Texts; match: { en: string[]; zh: string[] } };

const GAME = {
  h100e: { term: { en: 'H100e', 'zh-CN': 'H100 当量' }, match: { en: ['H100e'], zh: ['H100 当量', 'H100e'] }, definition: { en: 'H100-equivalents: GPUs counted by their performance relative to one NVIDIA H100, so different generations add up.', 'zh-CN': 'H100 当量：按相对一块 NVIDIA H100 的性能折算 GPU，使不同代的 GPU 可以相加。' } },
  pue: { term: { en: 'PUE', 'zh-CN': 'PUE' }, match: { en: ['PUE'], zh: ['PUE'] }, definition: { en: 'Power usage effectiveness: total data-centre power ÷ IT power. 1.3 means 30% more for cooling and losses.', 'zh-CN': '电能使用效率：数据中心总用电 ÷ IT 用电。1.3 表示额外 30% 用于制冷和损耗。' } },
  ltv: { term: { en: 'Loan-to-value', 'zh-CN': '贷款价值比' }, match: { en: ['loan-to-value', 'GPU loans / fleet market value'], zh: ['贷款价值比', 'GPU 贷款 / 机队市值'] }, definition: { en: 'A loan as a share of the market value of what secures it. GPU loans above the limit must be partly repaid at the quarter close (a margin call).', 'zh-CN': '贷款占抵押物市值的比例。GPU 贷款超过上限时，须在季末提前偿还一部分（追加保证金）。' } },
  marginCall: { term: { en: 'Margin call', 'zh-CN': '追加保证金' }, match: { en: ['margin call'], zh: ['追加保证金'] }, definition: { en: 'When GPU loans exceed the allowed share of the fleet’s market value at a quarter close, the excess must be repaid within a few weeks; if it cannot be, the lenders take over.', 'zh-CN': '季末 GPU 贷款超过机队市值的允许比例时，超出部分须在几周内偿还；无法偿还则由贷款方接管。' } },
  ig: { term: { en: 'Investment grade', 'zh-CN': '投资级' }, match: { en: ['investment grade', 'investment-grade'], zh: ['投资级'] }, definition: { en: 'A customer rated safe to lend against: contracts with it back cheaper loans.', 'zh-CN': '被评为可放心放贷的客户：与其签订的合同可以支持更便宜的贷款。' } },
  takeOrPay: { term: { en: 'Take-or-pay', 'zh-CN': '照付不议' }, match: { en: ['take-or-pay'], zh: ['照付不议'] }, definition: { en: 'The customer pays for the reserved GPUs whether it uses them or not.', 'zh-CN': '无论客户是否使用，都要为预留的 GPU 付款。' } },
  backlog: { term: { en: 'Backlog', 'zh-CN': '积压合同' }, match: { en: ['backlog'], zh: ['积压合同'] }, definition: { en: 'Contracted revenue not yet earned: what signed contracts will pay over their remaining weeks.', 'zh-CN': '已签约但尚未确认的收入：已签合同在剩余周数内将支付的金额。' } },
  ebitda: { term: { en: 'Adjusted EBITDA', 'zh-CN': '调整后 EBITDA' }, match: { en: ['adjusted EBITDA', 'adj\\. EBITDA', 'EBITDA'], zh: ['调整后 EBITDA', 'EBITDA'] }, definition: { en: 'Earnings before interest, tax, depreciation and amortisation, also before stock pay: the cash the business makes before paying for its machines and debt.', 'zh-CN': '息税折旧摊销前利润（并剔除股权激励）：在支付设备和债务之前业务产生的现金。' } },
  covenant: { term: { en: 'Covenant', 'zh-CN': '贷款契约' }, match: { en: ['covenants?'], zh: ['贷款契约', '契约'] }, definition: { en: 'A promise in a loan agreement, tested each quarter: keep cash plus undrawn credit above a floor and debt below a multiple of EBITDA. Breach twice in a row and lenders call the loans.', 'zh-CN': '贷款协议中的承诺，每季度测试：现金加未提取额度高于下限，债务低于 EBITDA 的一定倍数。连续两次违约，贷款方将要求提前还款。' } },
  runway: { term: { en: 'Runway', 'zh-CN': '现金跑道' }, match: { en: ['runway'], zh: ['现金跑道'] }, definition: { en: 'Weeks until a scheduled payment (interest, repayments, GPU balances, construction) could not be met from cash and the revolver, if nothing changes.', 'zh-CN': '如果一切照旧，现金和循环额度还能支付计划款项（利息、还本、GPU 尾款、建设款）的周数。' } },
  revolver: { term: { en: 'Revolver', 'zh-CN': '循环贷款' }, match: { en: ['revolver', 'revolving credit'], zh: ['循环贷款', '循环额度'] }, definition: { en: 'A credit line banks open once revenue is steady: drawn and repaid as needed, and drawn automatically before a payment would be missed.', 'zh-CN': '收入稳定后银行开立的信贷额度：按需提取和偿还，在即将错过付款时自动提取。' } },
  sentiment: { term: { en: 'Sentiment', 'zh-CN': '市场情绪' }, match: { en: ['sentiment'], zh: ['市场情绪'] }, definition: { en: 'How keen investors and lenders are on AI infrastructure (1.0 neutral, above 1 hot): it moves valuations, share prices and how much lenders will advance.', 'zh-CN': '投资者和贷款方对 AI 基础设施的热情（1.0 为中性，高于 1 为火热）：影响估值、股价和贷款额度。' } },
  h100Index: { term: { en: 'H100 index', 'zh-CN': 'H100 指数' }, match: { en: ['H100 index'], zh: ['H100 指数'] }, definition: { en: 'The on-demand market rent of one H100 for one hour: the capacity-weighted average of every provider’s posted price.', 'zh-CN': '一块 H100 按需租用一小时的市场租金：各提供商挂牌价格按容量加权的平均值。' } },
  colocation: { term: { en: 'Colocation', 'zh-CN': '托管' }, match: { en: ['colocation', 'colo'], zh: ['托管机房', '托管'] }, definition: { en: 'Renting powered, cooled space in someone else’s data centre, paid per kW per month: the fastest way to get power.', 'zh-CN': '租用他人数据中心中已通电、有制冷的空间，按每千瓦每月付费：获得电力最快的方式。' } },
} satisfies Record<string, Entry>;

export type TermKey = keyof typeof GAME;

const zhNow = (): boolean => lang() === 'zh-CN';
const pick = (x: Texts): string => (zhNow() ? x['zh-CN'] : x.en);
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The scenario's own entries, or [] outside a game. */
function scenarioEntries(): { term: { en: string; 'zh-CN'?: string | undefined }; definition: { en: string; 'zh-CN'?: string | undefined } }[] {
  return getState().scenario?.lesson.teaching.glossary ?? [];
}

/** An entry in force: its word, definition, and the expression that finds it in running text (null: none). */
type Def = { term: string; definition: string; re: RegExp | null };

/** Every entry in force: the game's (with the scenario's definition where it names the same word) and the scenario's others, keyed. */
let cached: { key: string; map: Map<string, Def> } | null = null;
function entries(): Map<string, Def> {
  const sc0 = getState().scenario;
  const cacheKey = `${lang()}|${sc0?.id ?? ''}|${sc0?.lesson.teaching.glossary.length ?? 0}`;
  if (cached && cached.key === cacheKey && cached.map.size > 0) return cached.map;
  const map = buildEntries();
  cached = { key: cacheKey, map };
  return map;
}
function buildEntries(): Map<string, Def> {
  const zh = zhNow();
  const sc = scenarioEntries();
  const used = new Set<number>();
  const out = new Map<string, Def>();
  for (const [key, e] of Object.entries(GAME) as [TermKey, Entry][]) {
    const i = sc.findIndex((x) => new RegExp(`^(${e.match.en.join('|')})$`, 'i').test(x.term.en.trim()) || x.term.en.trim().toLowerCase() === e.term.en.toLowerCase());
    if (i >= 0) used.add(i);
    out.set(key, { term: pick(e.term), definition: i >= 0 ? loc(sc[i]!.definition) : pick(e.definition), re: finder(zh ? e.match.zh : e.match.en, zh) });
  }
  sc.forEach((x, i) => {
    if (used.has(i)) return;
    const words = [x.term.en, x.term['zh-CN']].filter((w): w is string => !!w && w.trim().length > 1).map((w) => escapeRe(w.trim()));
    out.set(`sc${i}`, { term: loc(x.term), definition: loc(x.definition), re: finder(words, zh) });
  });
  return out;
}

/** One expression for a word's forms: English ones as whole words (not inside a longer word or hyphenation), any case. */
function finder(patterns: string[], zh: boolean): RegExp | null {
  if (patterns.length === 0) return null;
  const src = `(${patterns.join('|')})`;
  return zh ? new RegExp(src, 'i') : new RegExp(`(?<![\\w-])${src}(?![\\w-])`, 'i');
}

/** Every glossary entry in the current language (the Help dialog's list): the game's, then the scenario's extra terms. */
export function glossaryEntries(): { term: string; definition: string }[] {
  return [...entries().values()].map((e) => ({ term: e.term, definition: e.definition }));
}

// ----- the definitions store and the shared tooltip -----
let storeKey = '';
/** The hidden element holding every definition of the current language and scenario (rebuilt when either changes). */
function ensureDefinitions(): void {
  const key = `${lang()}|${getState().scenario?.id ?? ''}|${scenarioEntries().length}`;
  let box = document.getElementById('glossary-defs');
  if (box && key === storeKey) return;
  storeKey = key;
  if (!box) {
    box = h('div', { id: 'glossary-defs', hidden: true });
    document.body.append(box);
  }
  box.replaceChildren(...[...entries()].map(([k, e]) => h('span', { id: `def-${k}` }, e.definition)));
}

let tip: HTMLElement | null = null;
let owner: HTMLElement | null = null;
let hideTimer = 0;
function tipEl(): HTMLElement {
  if (!tip) {
    tip = h('div', { id: 'term-tip', role: 'tooltip', hidden: true });
    tip.addEventListener('mouseenter', () => clearTimeout(hideTimer));
    tip.addEventListener('mouseleave', () => scheduleHide());
  }
  return tip;
}
function show(word: HTMLElement): void {
  clearTimeout(hideTimer);
  const key = word.dataset.term ?? '';
  const text = document.getElementById(`def-${key}`)?.textContent ?? '';
  if (!text) return;
  const t = tipEl();
  owner = word;
  // Inside an open modal dialog the tooltip must be in the dialog (the top layer) to be seen.
  const host = word.closest('dialog[open]') ?? document.body;
  if (t.parentElement !== host) host.append(t);
  t.textContent = text;
  t.hidden = false;
  const r = word.getBoundingClientRect();
  const w = Math.min(300, window.innerWidth - 16);
  t.style.width = `${w}px`;
  t.style.left = `${Math.round(Math.max(8, Math.min(r.left, window.innerWidth - w - 8)))}px`;
  const below = r.bottom + 6;
  t.style.top = `${Math.round(below + t.offsetHeight > window.innerHeight - 8 ? Math.max(8, r.top - 6 - t.offsetHeight) : below)}px`;
}
function hide(): void {
  clearTimeout(hideTimer);
  if (tip) tip.hidden = true;
  owner = null;
}
function scheduleHide(): void {
  clearTimeout(hideTimer);
  hideTimer = window.setTimeout(hide, 200);
}
if (typeof document !== 'undefined') {
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && tip && !tip.hidden) { hide(); e.stopPropagation(); e.preventDefault(); }
  }, true);
}

/** A jargon word with its definition: described for screen readers, shown on hover and keyboard focus. */
export function term(key: TermKey | string, text?: string): HTMLElement {
  ensureDefinitions();
  const e = entries().get(key);
  const el = h('span', { className: 'term', tabindex: 0, 'data-term': key, 'aria-describedby': `def-${key}` }, text ?? e?.term ?? key);
  el.addEventListener('mouseenter', () => show(el));
  el.addEventListener('mouseleave', () => scheduleHide());
  el.addEventListener('focus', () => show(el));
  el.addEventListener('blur', () => { if (owner === el) hide(); });
  return el;
}

/**
 * A sentence with its glossary words as terms (the first occurrence of each). Returns the text
 * unchanged (one string) when it holds none.
 */
export function withTerms(text: string): (string | HTMLElement)[] {
  const found: { start: number; end: number; key: string }[] = [];
  for (const [key, e] of entries()) {
    const m = e.re?.exec(text);
    if (!m) continue;
    const start = m.index, end = m.index + m[0].length;
    if (found.some((f) => start < f.end && end > f.start)) continue;
    found.push({ start, end, key });
  }
  if (found.length === 0) return [text];
  found.sort((a, b) => a.start - b.start);
  const out: (string | HTMLElement)[] = [];
  let at = 0;
  for (const f of found) {
    if (f.start > at) out.push(text.slice(at, f.start));
    out.push(term(f.key, text.slice(f.start, f.end)));
    at = f.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** `withTerms` as one element (for places that take a single node, like a table cell or caption). */
export function termSpan(text: string): HTMLElement | string {
  const parts = withTerms(text);
  return parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : h('span', null, parts);
}
