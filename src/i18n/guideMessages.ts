/**
 * The guided first quarter's messages in the game's one message table (src/i18n/messages.ts merges
 * them): `guide.step.<step>` — one instruction per step of src/ui/onboarding.ts, in the order the
 * guide lists them — its short name `guide.short.<step>` (how a step taken is listed), and
 * `guide.<key>` for the box around them. English and Simplified Chinese; both
 * tables are typed over the same keys (a missing step or key does not compile) and
 * test/i18n/guide.test.ts checks every step reads in both languages.
 */
import type { Table } from './render.ts';

/** The guide's steps, in order: the ids onboarding.ts ticks off from the game state. */
export const GUIDE_STEPS = ['raise', 'order', 'power', 'bid', 'price', 'run'] as const;
export type GuideStep = (typeof GUIDE_STEPS)[number];

type GuideKey = `step.${GuideStep}` | `short.${GuideStep}` | 'title' | 'skip' | 'finished' | 'close' | 'progress' | 'noRfps';

const GUIDE_EN: Record<GuideKey, string> = {
  'step.raise': 'Raise money: Finance → a private equity round (try 100M) → Confirm.',
  'step.order': 'Order GPUs: Fleet → choose a generation and a count → Confirm. They arrive after the lead time.',
  'step.power': 'Get power for them: Sites → lease colocation (fastest) in a region → Confirm.',
  'step.bid': 'Bid for a customer: Customers → Bid on an open request, below its maximum price.',
  'step.price': 'Set your on-demand price: Customers → price vs market (1.0 = the market rate).',
  'step.run': 'Let time run: ▶ 1× (or Space) until the first quarterly report.',
  'short.raise': 'Money raised',
  'short.order': 'GPUs ordered',
  'short.power': 'Power leased',
  'short.bid': 'Bid made',
  'short.price': 'Price set',
  'short.run': 'Quarter run',
  title: 'Your first quarter',
  skip: 'Skip the guide',
  finished: 'Guide finished: the advisor strip flags what needs attention.',
  close: 'Close',
  progress: '{done:int} / {total:int} steps done',
  noRfps: 'No request is open yet: press +1 wk ▸ — new ones arrive most weeks (the advisor strip says so).',
};

const GUIDE_ZH: Record<GuideKey, string> = {
  'step.raise': '融资：财务 → 私募股权融资（试试 100M）→ 确认。',
  'step.order': '订购 GPU：机队 → 选择型号和数量 → 确认。交付周期后到货。',
  'step.power': '为它们找电力：站点 → 在某个地区租用托管机房（最快）→ 确认。',
  'step.bid': '争取客户：客户 → 对一个开放招标投标，报价低于其最高价。',
  'step.price': '设定按需价格：客户 → 相对市场价（1.0 = 市场价）。',
  'step.run': '让时间流动：点 ▶ 1×（或按空格）直到第一份季度报告。',
  'short.raise': '已融资',
  'short.order': '已订购 GPU',
  'short.power': '已有电力',
  'short.bid': '已投标',
  'short.price': '已定价',
  'short.run': '季度已过',
  title: '你的第一个季度',
  skip: '跳过引导',
  finished: '引导完成：顾问栏会提示需要注意的事项。',
  close: '关闭',
  progress: '已完成 {done:int} / {total:int} 步',
  noRfps: '目前没有开放的招标：点 +1 周 ▸——几乎每周都有新的招标（顾问栏会提示）。',
};

const prefixed = (t: Record<GuideKey, string>): Table => Object.fromEntries(Object.entries(t).map(([k, v]) => [`guide.${k}`, v]));
export const EN_GUIDE_MESSAGES: Table = prefixed(GUIDE_EN);
export const ZH_GUIDE_MESSAGES: Table = prefixed(GUIDE_ZH);
