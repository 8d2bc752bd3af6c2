/**
 * Jargon explained where it appears: the game's own glossary merged with the scenario's
 * (lesson.teaching.glossary), in both languages. `term(key)` renders a focusable word whose
 * definition shows on hover or focus (a tooltip tied by aria-describedby); the Help dialog lists all.
 */
import { h } from './dom.ts';
import { lang, loc } from './i18n.ts';
import { getState } from '../store/ui.ts';

type Entry = { term: { en: string; 'zh-CN': string }; definition: { en: string; 'zh-CN': string } };

const GAME: Record<string, Entry> = {
  h100e: { term: { en: 'H100e', 'zh-CN': 'H100 当量' }, definition: { en: 'H100-equivalents: GPUs counted by their performance relative to one NVIDIA H100, so different generations add up.', 'zh-CN': 'H100 当量：按相对一块 NVIDIA H100 的性能折算 GPU，使不同代的 GPU 可以相加。' } },
  pue: { term: { en: 'PUE', 'zh-CN': 'PUE' }, definition: { en: 'Power usage effectiveness: total data-centre power ÷ IT power. 1.3 means 30% more for cooling and losses.', 'zh-CN': '电能使用效率：数据中心总用电 ÷ IT 用电。1.3 表示额外 30% 用于制冷和损耗。' } },
  ltv: { term: { en: 'Loan-to-value', 'zh-CN': '贷款价值比' }, definition: { en: 'A loan as a share of the market value of what secures it. GPU loans above the limit must be partly repaid at the quarter close (a margin call).', 'zh-CN': '贷款占抵押物市值的比例。GPU 贷款超过上限时，须在季末提前偿还一部分（追加保证金）。' } },
  ig: { term: { en: 'Investment grade', 'zh-CN': '投资级' }, definition: { en: 'A customer rated safe to lend against: contracts with it back cheaper loans.', 'zh-CN': '被评为可放心放贷的客户：与其签订的合同可以支持更便宜的贷款。' } },
  takeOrPay: { term: { en: 'Take-or-pay', 'zh-CN': '照付不议' }, definition: { en: 'The customer pays for the reserved GPUs whether it uses them or not.', 'zh-CN': '无论客户是否使用，都要为预留的 GPU 付款。' } },
  backlog: { term: { en: 'Backlog', 'zh-CN': '积压合同' }, definition: { en: 'Contracted revenue not yet earned: what signed contracts will pay over their remaining weeks.', 'zh-CN': '已签约但尚未确认的收入：已签合同在剩余周数内将支付的金额。' } },
  ebitda: { term: { en: 'Adjusted EBITDA', 'zh-CN': '调整后 EBITDA' }, definition: { en: 'Earnings before interest, tax, depreciation and amortisation, also before stock pay: the cash the business makes before paying for its machines and debt.', 'zh-CN': '息税折旧摊销前利润（并剔除股权激励）：在支付设备和债务之前业务产生的现金。' } },
  covenant: { term: { en: 'Covenant', 'zh-CN': '贷款契约' }, definition: { en: 'A promise in a loan agreement, tested each quarter: keep cash plus undrawn credit above a floor and debt below a multiple of EBITDA. Breach twice in a row and lenders call the loans.', 'zh-CN': '贷款协议中的承诺，每季度测试：现金加未提取额度高于下限，债务低于 EBITDA 的一定倍数。连续两次违约，贷款方将要求提前还款。' } },
  runway: { term: { en: 'Runway', 'zh-CN': '现金跑道' }, definition: { en: 'Weeks until a scheduled payment (interest, repayments, GPU balances, construction) could not be met from cash and the revolver, if nothing changes.', 'zh-CN': '如果一切照旧，现金和循环额度还能支付计划款项（利息、还本、GPU 尾款、建设款）的周数。' } },
  revolver: { term: { en: 'Revolver', 'zh-CN': '循环贷款' }, definition: { en: 'A credit line banks open once revenue is steady: drawn and repaid as needed, and drawn automatically before a payment would be missed.', 'zh-CN': '收入稳定后银行开立的信贷额度：按需提取和偿还，在即将错过付款时自动提取。' } },
};

/** Every glossary entry: the game's, then the scenario's extra terms. */
export function glossaryEntries(): { term: string; definition: string }[] {
  const zh = lang() === 'zh-CN';
  const own = Object.values(GAME).map((e) => ({ term: zh ? e.term['zh-CN'] : e.term.en, definition: zh ? e.definition['zh-CN'] : e.definition.en }));
  const extra = (getState().scenario?.lesson.teaching.glossary ?? []).map((e) => ({ term: loc(e.term), definition: loc(e.definition) }));
  const seen = new Set(own.map((e) => e.term.toLowerCase()));
  return [...own, ...extra.filter((e) => !seen.has(e.term.toLowerCase()))];
}

let tipSeq = 0;
/** A jargon word with its definition as a tooltip on hover and keyboard focus. */
export function term(key: keyof typeof GAME, text?: string): HTMLElement {
  const e = GAME[key]!;
  const zh = lang() === 'zh-CN';
  const id = `tip-${++tipSeq}`;
  return h('span', { className: 'term', tabindex: 0, 'aria-describedby': id },
    text ?? (zh ? e.term['zh-CN'] : e.term.en),
    h('span', { className: 'tip', role: 'tooltip', id }, zh ? e.definition['zh-CN'] : e.definition.en));
}

export type TermKey = keyof typeof GAME;
