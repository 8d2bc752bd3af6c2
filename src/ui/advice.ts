/**
 * Messages in the player's language: the advisor's (this file) and the engine's news, previews and
 * refusals (src/i18n/messages.ts), looked up as one table. The engine (src/engine/advisor.ts and the
 * command handlers) sends a message id with parameters; `msg` turns it into text. Placeholder
 * formats are listed in src/i18n/render.ts ({x:usd} money, {x:int} a count, {x:msg} another id, …).
 */
import { lang, usd } from './i18n.ts';
import { render, type Table } from '../i18n/render.ts';
import { EN_MESSAGES, ZH_MESSAGES } from '../i18n/messages.ts';
import type { Msg, NewsText } from '../engine/msg.ts';
import type { GameOverReason } from '../engine/advisor.ts';
import { COVENANT_BOUND, type CovenantId } from '../engine/finance/covenantBounds.ts';

const EN: Table = {
  'warn.shortfall': 'Cash runs out in {weeks:int} wk (week {week:int}): {missingUsd:usd} short when {cause:msg} ({causeUsd:usd}) is due. The revolver is already counted.',
  'warn.covenantLiquidity': 'Liquidity covenant likely to fail at the quarter close in {weeks:int} wk: cash + undrawn credit {value:usd2}, minimum {limit:usd2}.',
  'warn.covenantLeverage': 'Leverage covenant likely to fail at the quarter close in {weeks:int} wk: debt / EBITDA {value:turns}, maximum {limit:turns} (annualised EBITDA {ebitdaUsd:usd}).',
  'warn.covenantDebtService': 'Debt-service covenant likely to fail at the quarter close in {weeks:int} wk: run-rate EBITDA covers next year\u2019s interest and repayments {value:turns}, minimum {limit:turns}.',
  'warn.marginCall': 'GPU-loan margin call in {weeks:int} wk: {usd:usd} must be prepaid, because the loans exceed {ltvPct:pct} of the fleet’s market value.',
  'warn.fatal': 'The breach would still be there when the cure period ends: lenders would call the loans and the company would end.',
  'warn.fatalDebtService': 'The breach would still be there when the cure period ends, and the cash above the liquidity minimum could not prepay enough debt to restore the cover: lenders would call the loans and the company would end.',
  'warn.prepayCure': 'The breach would still be there when the cure period ends: about {cureUsd:usd} of debt would then be prepaid from cash above the liquidity minimum to restore the cover, and the company would carry on.',
  'warn.repaid': 'The breach would still be there when the cure period ends: lenders would call the loans, and your cash would repay them all — the company would carry on without debt, and with that much less cash.',
  'warn.waiver': 'A breach costs a {feePct:pct} fee and {stepUpPct:pct} more on floating rates, and opens a cure period; still in breach when it ends, and lenders call the loans.',
  'alert.gpusAwaitingPower': '{count:int} GPUs are waiting for power and earn nothing.',
  'alert.powerOnTheWayAll': 'Power for all of them is under way: {onWayMw:mw}, the first site energising in {firstInWeeks:int} wk (builds can slip).',
  'alert.powerOnTheWayPart': 'Power under way ({onWayMw:mw}, the first site energising in {firstInWeeks:int} wk) will hold about {coveredGpus:int} of them.',
  'alert.gpusCurtailed': '{count:int} GPUs are off while the grid curtails your power, until week {week:int} ({inWeeks:int} wk): they come back then — no need for more power.',
  'alert.idlePower': '{mw:mw} of your power is idle: room for more GPUs.',
  'alert.gpusSwitchedOff': '{count:int} of your GPUs are switched off, most of them {model}: its market rent ({rentUsd:price}/GPU-hr) no longer covers what running one costs you in power, space and staff ({costUsd:price}/GPU-hr). They draw nothing and still depreciate; they come back on above {onMultiple:turns} that cost, and autopilots sell what stays off {sellWeeks:int} weeks.',
  'alert.idleGpus': '{idle:int} of your {installed:int} installed GPUs found no customer last week — most of them {model}, posted at {rentUsd:price}/GPU-hr, where the market pays {marketUsd:price} for the same compute.',
  'alert.idleGpusCheap': '{idle:int} of your {installed:int} installed GPUs found no customer last week — most of them {model}, posted at {rentUsd:price}/GPU-hr, about what the market pays for the same compute ({marketUsd:price}) or less: customers also choose by platform and by the provider they already use.',
  'alert.openRfps': '{count:int} open requests for proposals you have not bid on.',
  'pay.interest': 'interest',
  'pay.instalment': 'a loan instalment',
  'pay.bullet': 'a loan falling due',
  'pay.gpuBalance': 'the balance on a GPU delivery',
  'pay.construction': 'a construction payment',
  'pay.operating': 'the week’s operating costs',
  'pay.covenantFee': 'the covenant waiver fee',
  'act.raiseEquity': 'raise equity (Finance)',
  'act.borrow': 'borrow against GPUs or contracts (Finance)',
  'act.sellGpus': 'sell GPUs second-hand (Fleet)',
  'act.cutSpend': 'cut platform spend, delay orders and builds',
  'act.raiseEquityRepay': 'raise equity and repay bonds or the revolver (Finance)',
  'act.growEbitda': 'raise EBITDA: win contracts, fill idle GPUs (Customers)',
  'act.repayGpuLoan': 'repay part of the GPU loan now (Finance)',
  'act.getPower': 'lease colocation or buy a powered site (Sites)',
  'act.buildCampus': 'build a campus: colocation and powered sites are sold out, and a campus waits for the grid (Sites)',
  'act.orderGpus': 'order GPUs (Fleet)',
  'act.bid': 'bid (Customers)',
  'act.lowerPrice': 'lower your on-demand price (Customers)',
  'act.platform': 'spend on the platform (Customers)',
  'over.payment': 'Bankrupt in week {week:int}: a payment could not be made — {missingUsd:usd} was missing after cash and credit ran out.',
  'over.covenant': 'Bankrupt in week {week:int}: a loan covenant breach (or a margin call on GPU loans) was not cured in time and lenders called the loans.',
  'over.failing': 'Failing at the end: {test} — {value} against a limit of {limit}.',
  'over.strip': 'Game over: no more warnings. The reason is in the dialog and the debrief.',
  runwayOver: '—',
  'over.objectives': 'The game is over: not every objective was met.',
  'over.won': 'The game is over: every objective was met.',
  'over.ended': 'The game is over.',
  'over.loadQuarter': '↺ Back to the {quarter} close (week {week:int})',
  'over.cause.missedPayment': 'Bankrupt in week {week:int}: a payment could not be made. {dueUsd:usd} of debt service was due (the largest on the {debt}), and {shortUsd:usd} was missing after cash and committed credit ran out.',
  'over.cause.missedBills': 'Bankrupt in week {week:int}: the week’s bills could not be paid — {shortUsd:usd} was missing after cash and committed credit ran out.',
  'over.cause.missedWaiverFee': 'Bankrupt in week {week:int}: the covenant waiver fee could not be paid. {test} was breached at the quarter close; the lenders charged {dueUsd:usd} (the largest share to the {debt}), and {shortUsd:usd} was missing after cash and committed credit ran out.',
  'over.cause.marginCall': 'Bankrupt in week {week:int}: a margin call on the {debt} fell due — GPU loans at {value} of the fleet’s value against a limit of {limit}, so {dueUsd:usd} had to be prepaid; {shortUsd:usd} of it could not be paid.',
  'over.cause.covenant': 'Bankrupt in week {week:int}: {test} was still breached when the cure period ended — {value} against a limit of {limit}. Lenders called {dueUsd:usd} of debt; cash fell {shortUsd:usd} short.',
  'q.sharesUp': 'Shares rise {pct:int}% to {price} (market cap {cap:usd}).',
  'q.sharesDown': 'Shares fall {pct:int}% to {price} (market cap {cap:usd}).',
  'q.value': 'Investors now value the company at {v:usd} ({sign}{pct:int}% on the quarter).',
  'q.revUp': 'Revenue grew {pct:int}% quarter on quarter.',
  'q.revDown': 'Revenue fell {pct:int}% quarter on quarter.',
  'q.first': 'First quarter on record.',
  'q.valueOnly': 'Investors now value the company at {v:usd}.',
  'q.margin': 'Adjusted EBITDA margin {m}, net income {ni:usd}.',
  'q.idle': '{n:int} GPUs sat without power this quarter.',
  'q.breach': 'A covenant was breached: lenders step up the spread.',
  'world.summary': '{sites:int} sites, {owned:int} GPUs owned, {rented:int} rented, {idle:int} idle, {unpowered:int} without power, {orders:int} deliveries on the way.',
  help: 'Help and glossary', glossary: 'Glossary', keysTitle: 'Keys',
  newsArrived: 'News: {headline}',
  canDo: 'What you can do',
  canDoList: 'What you can do: {actions}.',
  advisor: 'Advisor', advMore: '+{n:int} more', advDetails: 'Details',
  noWarnings: 'No warnings: no missed payment or covenant breach projected within {weeks:int} weeks if nothing changes.',
  runwayBeyond: '> {weeks:int} wk',
  'sev.danger': 'Danger', 'sev.warn': 'Warning', 'sev.info': 'Tip',
  'cov.liquidity': 'Minimum liquidity (cash + undrawn committed credit)',
  'cov.leverage': 'Corporate debt / annualised adj. EBITDA',
  'cov.debtService': 'Run-rate EBITDA / next year\'s debt service',
  'cov.gpuLoanToValue': 'GPU loans / fleet market value',
  covTest: 'Test', covNow: 'Now', covLimit: 'Limit', covNext: 'At next close (week {week:int})', covStatus: 'Status',
  pass: '✓ pass', fail: '✕ breach', notMeaningful: 'EBITDA ≤ 0',
  upcoming: 'Scheduled payments', payWhen: 'Week', payWhat: 'Payment', payAmount: 'Amount',
  schedTotals: 'Next {weeks:int} weeks: interest {interest:usd}, principal {principal:usd}, GPU balances {gpu:usd}, construction {construction:usd}; operating cash flow {op:usd} a week.',
  breachesInRow: 'Breaches in a row: {n:int}',
  marginCallNext: 'Margin call at that close: {usd:usd}',
};

const ZH: Table = {
  'warn.shortfall': '现金将在 {weeks:int} 周后（第 {week:int} 周）耗尽：{cause:msg}（{causeUsd:usd}）到期时缺口 {missingUsd:usd}。已计入循环信贷额度。',
  'warn.covenantLiquidity': '流动性契约很可能在 {weeks:int} 周后的季末测试中不达标：现金加未提取额度 {value:usd2}，最低要求 {limit:usd2}。',
  'warn.covenantLeverage': '杠杆契约很可能在 {weeks:int} 周后的季末测试中不达标：债务/EBITDA 为 {value:turns}，上限 {limit:turns}（年化 EBITDA {ebitdaUsd:usd}）。',
  'warn.covenantDebtService': '偿债覆盖契约很可能在 {weeks:int} 周后的季末测试中不达标：当前 EBITDA 年化对未来一年利息与还本的覆盖倍数为 {value:turns}，最低要求 {limit:turns}。',
  'warn.marginCall': '{weeks:int} 周后 GPU 贷款追加保证金：须提前偿还 {usd:usd}，因为贷款超过了机队市值的 {ltvPct:pct}。',
  'warn.fatal': '纠正期结束时仍将违约：贷款方将要求提前还款，公司将就此结束。',
  'warn.fatalDebtService': '纠正期结束时仍将违约，且高于最低流动性的现金不足以提前偿还足够的债务来恢复覆盖倍数：贷款方将要求提前还款，公司将就此结束。',
  'warn.prepayCure': '纠正期结束时仍将违约：届时将用高于最低流动性的现金提前偿还约 {cureUsd:usd} 的债务以恢复覆盖倍数，公司将继续经营。',
  'warn.repaid': '纠正期结束时仍将违约：贷款方将要求提前还款，而你的现金足以全部偿还——公司将在无债状态下继续经营，但现金相应减少。',
  'warn.waiver': '一次违约需支付 {feePct:pct} 的豁免费，浮动利率再上调 {stepUpPct:pct}，并开始纠正期；纠正期结束时仍违约，贷款方将要求提前还款。',
  'alert.gpusAwaitingPower': '{count:int} 块 GPU 正在等待电力，没有任何收入。',
  'alert.powerOnTheWayAll': '在建电力 {onWayMw:mw} 足以容纳全部，首个站点约 {firstInWeeks:int} 周后通电（工期可能延误）。',
  'alert.powerOnTheWayPart': '在建电力 {onWayMw:mw}（首个站点约 {firstInWeeks:int} 周后通电）约可容纳其中 {coveredGpus:int} 块。',
  'alert.gpusCurtailed': '电网限电期间有 {count:int} 块 GPU 停机，直到第 {week:int} 周（还有 {inWeeks:int} 周）：届时自动恢复，无需增加电力。',
  'alert.idlePower': '你有 {mw:mw} 电力闲置：还能装更多 GPU。',
  'alert.gpusSwitchedOff': '你有 {count:int} 块 GPU 已关机，大多是 {model}：其市场租金（{rentUsd:price}/GPU·时）已不足以覆盖你运行一块所需的电力、场地和人员成本（{costUsd:price}/GPU·时）。它们不耗电但仍在折旧；租金回到该成本的 {onMultiple:turns} 以上时会重新开机，自动驾驶会卖掉关机满 {sellWeeks:int} 周的 GPU。',
  'alert.idleGpus': '上周你已安装的 {installed:int} 块 GPU 中有 {idle:int} 块没有客户——大多是 {model}，挂牌价 {rentUsd:price}/GPU·时，而市场为同等算力只付 {marketUsd:price}。',
  'alert.idleGpusCheap': '上周你已安装的 {installed:int} 块 GPU 中有 {idle:int} 块没有客户——大多是 {model}，挂牌价 {rentUsd:price}/GPU·时，与市场为同等算力支付的价格（{marketUsd:price}）相当或更低：客户还看平台成熟度和已在使用的服务商。',
  'alert.openRfps': '有 {count:int} 个招标你还没有投标。',
  'pay.interest': '利息',
  'pay.instalment': '一笔贷款分期还款',
  'pay.bullet': '一笔到期贷款',
  'pay.gpuBalance': 'GPU 交付尾款',
  'pay.construction': '一笔建设款',
  'pay.operating': '本周运营成本',
  'pay.covenantFee': '契约豁免费',
  'act.raiseEquity': '股权融资（财务）',
  'act.borrow': '以 GPU 或合同为抵押借款（财务）',
  'act.sellGpus': '出售二手 GPU（机队）',
  'act.cutSpend': '削减平台支出，推迟订单和建设',
  'act.raiseEquityRepay': '股权融资并偿还债券或循环贷款（财务）',
  'act.growEbitda': '提高 EBITDA：赢得合同，让闲置 GPU 出租（客户）',
  'act.repayGpuLoan': '现在提前偿还部分 GPU 贷款（财务）',
  'act.getPower': '租用托管机房或购买有电站点（站点）',
  'act.buildCampus': '自建园区：托管机房和有电站点都已售罄，园区需等待电网接入（站点）',
  'act.orderGpus': '订购 GPU（机队）',
  'act.bid': '投标（客户）',
  'act.lowerPrice': '降低按需价格（客户）',
  'act.platform': '投入平台建设（客户）',
  'over.payment': '第 {week:int} 周破产：一笔款项无法支付——现金和信贷用尽后仍缺 {missingUsd:usd}。',
  'over.covenant': '第 {week:int} 周破产：违反贷款契约（或 GPU 贷款追加保证金）未能在期限内纠正，贷款方要求提前还款。',
  'over.failing': '结束时未达标：{test}——{value}，限额 {limit}。',
  'over.strip': '游戏已结束：不再有警告。原因见对话框和复盘。',
  runwayOver: '—',
  'over.objectives': '游戏结束：并非所有目标都已达成。',
  'over.won': '游戏结束：所有目标均已达成。',
  'over.ended': '游戏结束。',
  'over.loadQuarter': '↺ 回到 {quarter} 季末（第 {week:int} 周）',
  'over.cause.missedPayment': '第 {week:int} 周破产：一笔款项无法支付。当周应付债务本息 {dueUsd:usd}（最大一笔来自{debt}），现金和已承诺信贷用尽后仍缺 {shortUsd:usd}。',
  'over.cause.missedBills': '第 {week:int} 周破产：当周账单无法支付——现金和已承诺信贷用尽后仍缺 {shortUsd:usd}。',
  'over.cause.missedWaiverFee': '第 {week:int} 周破产：无法支付契约豁免费。季末{test}未达标，贷款方收取 {dueUsd:usd}（最大一笔来自{debt}），现金和已承诺信贷用尽后仍缺 {shortUsd:usd}。',
  'over.cause.marginCall': '第 {week:int} 周破产：{debt}的追加保证金到期——GPU 贷款为机队价值的 {value}，限额 {limit}，须提前偿还 {dueUsd:usd}；其中 {shortUsd:usd} 无法支付。',
  'over.cause.covenant': '第 {week:int} 周破产：纠正期结束时{test}仍未达标——{value}，限额 {limit}。贷款方要求偿还 {dueUsd:usd} 债务；现金缺口 {shortUsd:usd}。',
  'q.sharesUp': '股价上涨 {pct:int}% 至 {price}（市值 {cap:usd}）。',
  'q.sharesDown': '股价下跌 {pct:int}% 至 {price}（市值 {cap:usd}）。',
  'q.value': '投资者现在对公司的估值为 {v:usd}（本季度 {sign}{pct:int}%）。',
  'q.revUp': '收入环比增长 {pct:int}%。',
  'q.revDown': '收入环比下降 {pct:int}%。',
  'q.first': '第一个有记录的季度。',
  'q.valueOnly': '投资者现在对公司的估值为 {v:usd}。',
  'q.margin': '调整后 EBITDA 利润率 {m}，净利润 {ni:usd}。',
  'q.idle': '本季度有 {n:int} 块 GPU 因无电力而闲置。',
  'q.breach': '违反了贷款契约：贷款方上调了利差。',
  'world.summary': '{sites:int} 个站点，拥有 {owned:int} 块 GPU，已出租 {rented:int}，闲置 {idle:int}，无电力 {unpowered:int}，在途交付 {orders:int} 批。',
  help: '帮助与术语表', glossary: '术语表', keysTitle: '按键',
  newsArrived: '新闻：{headline}',
  canDo: '你可以',
  canDoList: '你可以：{actions}。',
  advisor: '顾问', advMore: '另有 {n:int} 条', advDetails: '详情',
  noWarnings: '没有警告：如果一切照旧，{weeks:int} 周内不会错过付款或违反契约。',
  runwayBeyond: '> {weeks:int} 周',
  'sev.danger': '危险', 'sev.warn': '警告', 'sev.info': '提示',
  'cov.liquidity': '最低流动性（现金 + 未提取的承诺信贷）',
  'cov.leverage': '公司债务 / 年化调整后 EBITDA',
  'cov.debtService': '当前 EBITDA 年化 / 未来一年偿债额',
  'cov.gpuLoanToValue': 'GPU 贷款 / 机队市值',
  covTest: '测试', covNow: '当前', covLimit: '限额', covNext: '下次季末（第 {week:int} 周）', covStatus: '状态',
  pass: '✓ 达标', fail: '✕ 违约', notMeaningful: 'EBITDA ≤ 0',
  upcoming: '计划付款', payWhen: '周', payWhat: '款项', payAmount: '金额',
  schedTotals: '未来 {weeks:int} 周：利息 {interest:usd}，本金 {principal:usd}，GPU 尾款 {gpu:usd}，建设款 {construction:usd}；每周经营现金流 {op:usd}。',
  breachesInRow: '连续违约次数：{n:int}',
  marginCallNext: '该季末追加保证金：{usd:usd}',
};

const TABLES = { en: { ...EN_MESSAGES, ...EN }, zh: { ...ZH_MESSAGES, ...ZH } };

/** The text of a message id in the current language, with its parameters formatted. */
export function msg(id: string, params: Record<string, string | number> = {}): string {
  return render(lang(), TABLES, id, params);
}

/** An engine message (`{ id, params }`) in the current language. */
export function msgText(m: Msg): string {
  return render(lang(), TABLES, m.id, m.params);
}

/** A news text: an engine message id, or a scenario event's own text in both languages. */
export function newsText(x: NewsText): string {
  if ('id' in x) return msgText(x);
  return (lang() === 'zh-CN' ? x['zh-CN'] : undefined) ?? x.en;
}

/** The advisor's and the engine's tables as one (tests read every Chinese text). */
export function adviceTables(): { en: Table; zh: Table } {
  return TABLES;
}

/** Every id the English and Chinese tables have (tests check both have the same keys). */
export function adviceIds(): { en: string[]; zh: string[] } {
  return { en: Object.keys(TABLES.en), zh: Object.keys(TABLES.zh) };
}

/** A covenant test's figure as the finance panel shows it: money for liquidity, turns for ratios. */
export function covenantValue(id: string, v: number | null): string {
  return id === 'liquidity' ? usd(v) : v === null ? msg('notMeaningful') : `${v.toFixed(2)}×`;
}

/** A covenant test's limit with its side: ≥ for a floor (liquidity, debt-service cover), ≤ for a ceiling. */
export function covenantLimit(id: string, l: number): string {
  // The side of the limit is the engine's (COVENANT_BOUND); a no-break space keeps the sign on the figure's line in a narrow column.
  const sign = COVENANT_BOUND[id as CovenantId] === 'min' ? '≥' : '≤';
  return `${sign}\u00a0${id === 'liquidity' ? usd(l) : `${l}×`}`;
}

/**
 * Why the game ended, in the player's language: the default the engine recorded (which payment,
 * margin call or covenant, and by how much); without a record (a save from before it, or a game
 * that did not fail) the generic `over.<kind>` text.
 */
export function gameOverText(g: GameOverReason): string {
  const c = g.cause;
  if (!c) return msg(`over.${g.kind}`, { week: g.week, missingUsd: g.missingUsd });
  const base = { week: c.week, dueUsd: c.dueUsd, shortUsd: c.shortUsd, debt: c.debtKind ? msg('debtKind.' + c.debtKind) : '' };
  if (c.kind === 'missedPayment' && c.covenantId) return msg('over.cause.missedWaiverFee', { ...base, test: msg('cov.' + c.covenantId) });
  if (c.kind === 'missedPayment') return msg(c.debtKind ? 'over.cause.missedPayment' : 'over.cause.missedBills', base);
  const id = c.covenantId ?? (c.kind === 'marginCall' ? 'gpuLoanToValue' : 'liquidity');
  const figures = { value: covenantValue(id, c.figure), limit: c.limit === null ? msg('notMeaningful') : covenantLimit(id, c.limit) };
  if (c.kind === 'marginCall') return msg('over.cause.marginCall', { ...base, debt: msg('debtKind.' + (c.debtKind ?? 'gpuLoan')), ...figures });
  return msg('over.cause.covenant', { ...base, test: msg('cov.' + id), ...figures });
}
