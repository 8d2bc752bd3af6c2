/**
 * UI strings in English and Simplified Chinese. Scenario text comes from the scenario itself
 * (Localized fields) and falls back to English.
 */
import { getState, type Lang } from '../store/ui.ts';
import { usdWords, usd as usdShort } from '../i18n/format.ts';

const EN = {
  gameName: 'Neocloud Tycoon',
  tagline: 'Run a GPU cloud. Raise the money, buy the chips, find the power, sign the customers.',
  chooseScenario: 'Choose a scenario',
  loadFile: 'Load scenario file…',
  dropHint: 'or drop a scenario .json file anywhere on this page',
  seed: 'Seed', seedN: 'seed {n}',
  seedHelp: 'Same scenario + same seed + same decisions = the same game. A class shares one seed.',
  continueGame: 'Continue saved game',
  importSave: 'Import save file…',
  noAutosave: 'No saved game yet',
  language: 'Language',
  years: 'years',
  difficulty: 'Difficulty',
  easy: 'easy', normal: 'normal', hard: 'hard',
  objectives: 'Objectives',
  play: 'Play',
  badFile: 'This scenario file has problems', badSaveFile: 'This save file has problems', badAnyFile: 'This file has problems',
  fileName: 'File',
  errPath: 'Where',
  errMessage: 'What is wrong',
  errLine: 'Line',
  dismiss: 'Dismiss',
  briefing: 'Briefing',
  learning: 'What you will learn',
  startingPosition: 'Starting position',
  startGame: 'Start the company',
  back: 'Back',
  cash: 'Cash', runway: 'Runway', debt: 'Debt', sharePrice: 'Share price', valuation: 'Valuation', lastRoundPostMoney: 'Last round, post-money', inclPrepaid: 'incl. {usd} prepaid by customers',
  weeksShort: 'wk', notBurning: 'cash-positive',
  pause: 'Pause', speed1: 'Play 1×', speed2: 'Fast 2×', speed4: 'Fastest 4×', stepWeek: 'Step one week',
  paused: 'Paused', running: 'Running',
  save: 'Save', menu: 'Menu', help: 'Keys',
  finance: 'Finance', fleet: 'Fleet', sites: 'Sites', customers: 'Customers', market: 'Market', reports: 'Reports',
  news: 'News', whatItMeans: 'What this means',
  preview: 'Preview', confirm: 'Confirm', refused: 'Refused', willHappen: 'Will happen', cashNow: 'Cash now',
  queued: 'Queued for next week',
  amountUsd: 'Amount (USD)', amountHint: 'e.g. 100M or 2.5B',
  debt_gpuLoan: 'GPU loan', debt_vendor: 'Vendor financing', debt_contractFacility: 'Contract-backed facility', debt_bond: 'Bond', debt_revolver: 'Revolver', debt_convertible: 'Convertible', debt_claims: 'Creditor claims',
  credit_ig: 'investment grade', credit_nonIg: 'non-investment grade', credit_startup: 'start-up',
  instrument: 'Instrument',
  raiseEquity: 'Private equity round', ipo: 'IPO', followOn: 'Follow-on offering', issueConvertible: 'Convertible notes',
  takeGpuLoan: 'GPU-backed term loan', drawFacility: 'Contract-backed facility draw', arrangeFacility: 'Committed facility (DDTL)', issueBond: 'High-yield bond', drawRevolver: 'Revolver draw',
  repayDebt: 'Repay debt', debtInstrument: 'Debt',
  capTable: 'Cap table', holder: 'Holder', shares: 'Shares', stake: 'Stake', pricePaid: 'Price paid',
  commitments: 'Committed facilities (delayed-draw term loans)', committedUsd: 'Committed', drawnUsd: 'Drawn', availableNowUsd: 'Can draw now', drawUntil: 'Draw until', notYetSigned: 'signed in week {week}', lapsed: 'lapsed',
  covenants: 'Covenants and headroom', debts: 'Debt instruments', kind: 'Kind', principal: 'Principal', rate: 'Rate', maturity: 'Maturity',
  orderGpus: 'Order GPUs', model: 'Generation', count: 'Count', vendorFinancing: 'Use vendor financing',
  sellGpus: 'Sell GPUs second-hand', depreciation: 'Depreciation life', yearsLabel: 'Years',
  catalogue: 'Catalogue', price: 'Price', leadTime: 'Lead time', power: 'Power', perf: 'Perf (H100=1)',
  owned: 'Owned', installed: 'Installed', idle: 'Idle', rented: 'Rented', unpowered: 'Unpowered', deliveries: 'Deliveries', arrives: 'Arrives',
  leaseColo: 'Lease colocation', buildCampus: 'Build a campus', buyPoweredSite: 'Buy a powered site',
  region: 'Region', megawatts: 'Megawatts', status: 'Status', mwUsed: 'MW used', mwAvailable: 'MW available', gridQueue: 'Grid queue',
  yourSites: 'Your sites', regions: 'Regions', powerPrice: 'Power $/MWh',
  openRfps: 'Open requests for proposals', bid: 'Bid', bidPrice: 'Your price ($/GPU-hr)', customer: 'Customer', term: 'Term', maxPrice: 'Max $/hr', closes: 'Closes',
  wonLost: 'Won / lost', won: 'Won', lost: 'Lost', contracts: 'Contracts', onDemandPrice: 'On-demand price (× market)', platformSpend: 'Platform spend (USD/week)',
  concentration: 'Concentration', topCustomer: 'Top customer', top5: 'Top five',
  priceIndex: 'Price index ($/GPU-hr)', rivals: 'Rivals', sentiment: 'Sentiment', baseRate: 'Base rate', demand: 'Demand', supply: 'Supply', utilization: 'Utilisation',
  incomeStatement: 'Income statement', balanceSheet: 'Balance sheet', cashFlow: 'Cash flow', kpis: 'KPIs', change: 'QoQ',
  charts: 'Charts', showTable: 'Show the data as a table', loadingCharts: 'Loading charts…',
  quarterReport: 'Quarterly report', marketReaction: 'Market reaction', continue: 'Continue',
  debrief: 'Debrief', outcome: 'Outcome', score: 'Score', timelines: 'Timelines', strategies: 'Built-in strategies on the same scenario and seed',
  debriefQuestions: 'Debrief questions', exportCsv: 'Export quarters (CSV)', exportJson: 'Export run (JSON)', newGame: 'New game',
  you: 'You', met: 'met', notMet: 'not met', running_bench: 'The autopilots are playing the same game…',
  saveName: 'Save name', saveGame: 'Save game', saves: 'Saves', load: 'Load', exportSave: 'Export save file', delete: 'Delete',
  saved: 'Saved', saveFailed: 'Could not save', loadFailed: 'Could not load the save',
  saveNameEmpty: 'Give the save a name.', saveNameLong: 'A save name may be at most {max} characters.', saveExists: 'A save called "{name}" already exists. Save again to replace it.',
  storageFull: 'Storage is full: the browser refused to save (quota exceeded). Export the save to a file instead.', storageUnavailable: 'Browser storage is unavailable (private mode?). Export the save to a file instead.', storageFailed: 'Saving failed: {detail}',
  noSaveNamed: 'There is no save called "{name}".', noSaveYet: 'No saved game yet.', noSaveForWeek: 'No save for that week.', noGameRunning: 'No game is running.', noSaveAfterEngineError: 'The game stopped after an engine error; it cannot be saved.',
  bankrupt: 'Bankrupt', restructuredShort: 'Restructured', solventShort: 'Solvent', won_: 'Objectives met', lost_: 'Objectives missed', ended: 'Game over',
  endGame: 'Go to debrief',
  nothing: 'Nothing yet.',
  week: 'Week', quarter: 'Quarter',
  keyboard: 'Keyboard: Space pause/resume · 1 2 4 speed · . step a week · F G S C M R panels · ? help',
  leaveTitle: 'Leave for the title screen?', leaveBody: 'The game is saved to the autosave slot as it stands now:', stayHere: 'Keep playing', leaveConfirm: 'Save and leave',
  shortcutsOn: 'Single-key shortcuts (Space, 1 2 4, F G S C M R)',
  autoPauseNews: 'Pause on major news', autoPauseQuarter: 'Pause at each quarterly report',
  worldView: 'World map: your sites, racks, power and rivals',
  legendRented: 'lit = rented', legendIdle: 'dark = idle', legendUnpowered: 'grey = unpowered', legendBuilding: 'orange = under construction',
  strategy: 'Strategy', autopilot: 'Autopilot',
  yourBid: 'Your bid', winner: 'Winner', result: 'Result', nobody: 'nobody', rfpLabel: 'Request', priceFactorLabel: 'Price vs market (×)', usdPerWeekLabel: 'USD per week',
  startEnd: 'Start → end', delivered: 'Delivered', notStarted: 'not started', deliveryNotMeasured: 'first week: not yet measured', short: 'short', backlog: 'backlog', onDemandPriceShort: 'on-demand price', platformMaturity: 'platform maturity',
  lossOverMax: 'Above the customer’s maximum', lossExcluded: 'Not considered', yourScore: 'Scored', vsWinner: 'vs the winner’s',
  markDelivery: 'delivery risk', markDiversify: 'already large supplier', markSmall: 'small for the deal', markPlatform: 'platform',
  howAwarded: 'How customers choose: the lowest price after mark-ups for delivery risk (GPUs not owned, on order or powered in time), for a supplier already holding much of the contracted market, for a deal large for you, and a discount for a mature platform; ±5% taste.',
  fixedRate: 'fixed', amortizing: 'amortising', bullet: 'bullet', locked: 'locked', listed: 'Listed', marketCap: 'market cap', lockupEnds: 'lock-up ends week', private: 'Private', sharesWord: 'shares', depIntro: 'Changes reported profit from now on, never cash.', liquid: 'liquid-cooled',
  speedGroup: 'Speed', decisions: 'Decisions',
  coloHead: 'Colo: free MW, $/kW-mo', gridHead: 'Grid: free MW, queue', buildHead: 'Campus: $/MW, build', poweredHead: 'Powered site: MW, $/MW', curtailed: 'curtailed', useProgress: 'Use / progress',
  site_colo: 'colocation', site_campus: 'campus', site_powered: 'powered site',
  st_energised: 'energised', st_awaitingGrid: 'waiting for grid', st_building: 'building', st_fitting: 'fitting out',
  indexHead: 'Index', peakHead: 'Peak', referenceHead: 'Reference', installedGpusHead: 'Installed GPUs', rivalHead: 'Rival', utilShort: 'Util.', priceX: 'Price ×',
  strat_leveraged: 'leveraged growth', strat_prudent: 'prudent growth', strat_developer: 'developer', strat_energy: 'energy partner', strat_hyperscaler: 'hyperscaler', strat_idle: 'does nothing', strat_random: 'random', strat_player: 'player',
  // Statements and KPIs (statements.ts), fleet and market tables, charts.
  rep_revenueUsd: 'Revenue', rep_contractRevenueUsd: 'Contract revenue', rep_onDemandRevenueUsd: 'On-demand revenue', rep_costOfRevenueUsd: 'Cost of revenue',
  rep_grossProfitUsd: 'Gross profit', rep_operatingExpensesUsd: 'Operating expenses', rep_depreciationUsd: 'of which depreciation', rep_stockCompensationUsd: 'of which stock compensation',
  rep_operatingIncomeUsd: 'Operating income', rep_interestExpenseUsd: 'Interest expense', rep_otherIncomeUsd: 'Other income', rep_incomeTaxUsd: 'Income tax',
  rep_netIncomeUsd: 'Net income', rep_adjustedEbitdaUsd: 'Adjusted EBITDA', rep_cash: 'Cash', rep_totalAssetsUsd: 'Total assets', rep_debtUsd: 'Debt',
  rep_deferredRevenueUsd: 'Deferred revenue', rep_totalLiabilitiesUsd: 'Total liabilities', rep_totalEquityUsd: 'Total equity', rep_openingCashUsd: 'Opening cash',
  rep_operatingCashFlowUsd: 'Operating cash flow', rep_investingCashFlowUsd: 'Investing cash flow', rep_capexUsd: 'of which capex', rep_financingCashFlowUsd: 'Financing cash flow',
  rep_closingCash: 'Closing cash', rep_backlogUsd: 'Backlog', rep_gpusOwned: 'GPUs owned', rep_gpusInstalled: 'GPUs installed', rep_gpusIdle: 'GPUs idle (no power)',
  rep_powerMwAvailable: 'Power available (MW)', rep_powerMwUsed: 'Power used (MW)', rep_utilization: 'Utilisation', rep_topCustomerShare: 'Top customer share',
  rep_top5CustomerShare: 'Top five share', rep_onDemandGrossMargin: 'On-demand gross margin', rep_capexPerMwUsd: 'Capex per MW in use',
  rep_siteEbitdaPerMwYearUsd: 'Site EBITDA per MW-year', rep_paybackYears: 'Payback per MW (years)', rep_marketPriceUsdPerGpuHour: 'Market price ($/GPU-hr)',
  rep_sharePriceUsd: 'Share price', rep_equityValueUsd: 'Equity value', newValue: 'new', firstQuarterAfter: 'The first quarter closes after 13 weeks.',
  installedCapexHead: 'Installed', perfHead: 'Perf T/I', usdPerHourHead: '$/hr', bookValue: 'Book value', total: 'Total', nowHead: 'Now', gpusHead: 'GPUs',
  catalogueNote: 'kW per GPU before PUE · perf relative to H100 (training / inference)', h100Index: 'H100 index', hot: 'hot', cold: 'cold', neutral: 'neutral',
  holder_founders: 'Founders', holder_earlyInvestors: 'Early investors', holder_foundersInvestors: 'Founders and investors', holder_convertible: 'Convertible holders', holder_creditors: 'Creditors (restructuring)', holder_ipo: 'IPO investors', holder_followOn: 'Follow-on investors', holder_series: 'Series {x}',
  ch_revenue: 'Revenue and adjusted EBITDA', ch_revenueS: 'Revenue', ch_ebitdaS: 'Adj. EBITDA', ch_netIncomeS: 'Net income', ch_margins: 'Margins', ch_grossMarginS: 'Gross margin',
  ch_ebitdaMarginS: 'Adj. EBITDA margin', ch_opMarginS: 'Operating margin', ch_cash: 'Cash and debt', ch_cashS: 'Cash', ch_debtS: 'Debt', ch_backlogS: 'Backlog',
  ch_price: 'Price index per generation ($/GPU-hr)', ch_util: 'Utilisation', ch_yoursS: 'Yours', ch_marketS: 'Market', ch_decisions: 'Decisions',
  company: 'Company', weekN: 'Week {n}', labelled: '{label}: {text}', listSep: ', ', sentenceEnd: '.', notMetBankrupt: 'not met (bankrupt)', closesWeek: 'Closes (week)', scorePerShare: 'equity value per share', usdPerGpuHourHead: '$/GPU-hr',
  engErrTitle: 'The simulation stopped', engErrBody: 'The game engine hit an error and stopped this game, so that nothing half-computed is shown or saved. Your saves are untouched.',
  engErrLoading: 'Loading the last autosave…', engErrLoadFailed: 'Could not load the last autosave', engErrLoad: 'Load the last autosave', engErrTitleScreen: 'Back to the title screen',
  benchRevenue: 'Revenue (last Q ×4)', benchEbitda: 'Adj. EBITDA (last Q)', benchRevenueChart: 'Revenue per quarter', worldViewFailed: 'The world view could not start (no WebGL or Canvas).',
  refusedAtWeek: 'Week {week}: {what} was refused — {reason}',
  perShareFmt: '{price}/share',
  queuedTitle: 'Queued for this week', cancelQueued: 'Cancel', cancelledQueued: 'Withdrawn',
  recentWins: 'Winning prices in the last {weeks} wk', awardsN: '{n} awarded', noRecentWins: 'no request awarded yet',
};

export type StringKey = keyof typeof EN;

const ZH: Partial<Record<StringKey, string>> = {
  gameName: '新云大亨',
  tagline: '经营一家 GPU 云公司：融资、买芯片、找电力、签客户。',
  chooseScenario: '选择情景',
  loadFile: '载入情景文件…',
  dropHint: '或把情景 .json 文件拖放到本页任意位置',
  seed: '随机种子', seedN: '种子 {n}',
  seedHelp: '相同情景 + 相同种子 + 相同决策 = 完全相同的游戏。全班使用同一个种子。',
  continueGame: '继续已保存的游戏',
  importSave: '导入存档文件…',
  noAutosave: '还没有存档',
  language: '语言',
  years: '年',
  difficulty: '难度',
  easy: '简单', normal: '普通', hard: '困难',
  objectives: '目标',
  play: '开始',
  badFile: '该情景文件有问题', badSaveFile: '该存档文件有问题', badAnyFile: '该文件有问题',
  fileName: '文件',
  errPath: '位置',
  errMessage: '问题',
  errLine: '行',
  dismiss: '关闭',
  briefing: '简报',
  learning: '学习目标',
  startingPosition: '起始状况',
  startGame: '开始经营',
  back: '返回',
  cash: '现金', runway: '现金跑道', debt: '债务', sharePrice: '股价', valuation: '估值', lastRoundPostMoney: '上一轮投后估值', inclPrepaid: '含客户预付 {usd}',
  weeksShort: '周', notBurning: '现金流为正',
  pause: '暂停', speed1: '1× 速度', speed2: '2× 速度', speed4: '4× 速度', stepWeek: '前进一周',
  paused: '已暂停', running: '运行中',
  save: '保存', menu: '菜单', help: '快捷键',
  finance: '融资', fleet: 'GPU 机群', sites: '站点', customers: '客户', market: '市场', reports: '报表',
  news: '新闻', whatItMeans: '这意味着什么',
  preview: '预览', confirm: '确认', refused: '被拒绝', willHappen: '将会发生', cashNow: '即时现金',
  queued: '已排队，下周执行',
  amountUsd: '金额（美元）', amountHint: '例如 100M 或 2.5B',
  debt_gpuLoan: 'GPU 贷款', debt_vendor: '厂商融资', debt_contractFacility: '合同担保贷款', debt_bond: '债券', debt_revolver: '循环贷款', debt_convertible: '可转债', debt_claims: '债权人索赔',
  credit_ig: '投资级', credit_nonIg: '非投资级', credit_startup: '初创',
  instrument: '工具',
  raiseEquity: '私募股权融资', ipo: '首次公开募股', followOn: '增发', issueConvertible: '可转换债券',
  takeGpuLoan: 'GPU 抵押定期贷款', drawFacility: '合同担保授信提款', arrangeFacility: '承诺贷款（DDTL）', issueBond: '高收益债券', drawRevolver: '循环信贷提款',
  repayDebt: '偿还债务', debtInstrument: '债务',
  capTable: '股权结构表', holder: '持有人', shares: '股数', stake: '持股比例', pricePaid: '买入价',
  commitments: '承诺贷款（延迟提款定期贷款）', committedUsd: '承诺额', drawnUsd: '已提取', availableNowUsd: '现可提取', drawUntil: '提款截止', notYetSigned: '第 {week} 周签署', lapsed: '已失效',
  covenants: '契约条款与余量', debts: '债务工具', kind: '类型', principal: '本金', rate: '利率', maturity: '到期',
  orderGpus: '订购 GPU', model: '型号', count: '数量', vendorFinancing: '使用厂商融资',
  sellGpus: '出售二手 GPU', depreciation: '折旧年限', yearsLabel: '年',
  catalogue: '产品目录', price: '价格', leadTime: '交付周期', power: '功耗', perf: '性能（H100=1）',
  owned: '拥有', installed: '已安装', idle: '闲置', rented: '已出租', unpowered: '无电力', deliveries: '待交付', arrives: '到货',
  leaseColo: '租用托管机房', buildCampus: '自建园区', buyPoweredSite: '收购已通电站点',
  region: '地区', megawatts: '兆瓦', status: '状态', mwUsed: '已用兆瓦', mwAvailable: '可用兆瓦', gridQueue: '并网排队',
  yourSites: '你的站点', regions: '地区', powerPrice: '电价 $/MWh',
  openRfps: '公开招标（RFP）', bid: '投标', bidPrice: '你的报价（$/GPU 小时）', customer: '客户', term: '期限', maxPrice: '最高价', closes: '截止',
  wonLost: '中标 / 落标', won: '中标', lost: '落标', contracts: '合同', onDemandPrice: '按需价格（× 市场）', platformSpend: '平台投入（美元/周）',
  concentration: '客户集中度', topCustomer: '最大客户', top5: '前五大客户',
  priceIndex: '价格指数（$/GPU 小时）', rivals: '竞争对手', sentiment: '市场情绪', baseRate: '基准利率', demand: '需求', supply: '供给', utilization: '利用率',
  incomeStatement: '利润表', balanceSheet: '资产负债表', cashFlow: '现金流量表', kpis: '关键指标', change: '环比',
  charts: '图表', showTable: '以表格显示数据', loadingCharts: '正在载入图表…',
  quarterReport: '季度报告', marketReaction: '市场反应', continue: '继续',
  debrief: '复盘', outcome: '结果', score: '得分', timelines: '时间线', strategies: '内置策略在同一情景和种子下的表现',
  debriefQuestions: '复盘问题', exportCsv: '导出季度数据（CSV）', exportJson: '导出整局（JSON）', newGame: '新游戏',
  you: '你', met: '达成', notMet: '未达成', running_bench: '自动驾驶策略正在玩同一局…',
  saveName: '存档名', saveGame: '保存游戏', saves: '存档', load: '载入', exportSave: '导出存档文件', delete: '删除',
  saved: '已保存', saveFailed: '保存失败', loadFailed: '无法载入存档',
  saveNameEmpty: '请给存档起个名字。', saveNameLong: '存档名最多 {max} 个字符。', saveExists: '已有名为“{name}”的存档。再保存一次即可覆盖。',
  storageFull: '存储空间已满：浏览器拒绝保存（超出配额）。请改为把存档导出为文件。', storageUnavailable: '浏览器存储不可用（隐私模式？）。请改为把存档导出为文件。', storageFailed: '保存失败：{detail}',
  noSaveNamed: '没有名为“{name}”的存档。', noSaveYet: '还没有已保存的游戏。', noSaveForWeek: '那一周没有存档。', noGameRunning: '没有正在进行的游戏。', noSaveAfterEngineError: '引擎出错后游戏已停止，无法保存。',
  bankrupt: '破产', restructuredShort: '已重组', solventShort: '有偿付能力', won_: '达成目标', lost_: '未达成目标', ended: '游戏结束',
  endGame: '进入复盘',
  nothing: '暂无。',
  week: '周', quarter: '季度',
  keyboard: '键盘：空格 暂停/继续 · 1 2 4 速度 · . 前进一周 · F G S C M R 面板 · ? 帮助',
  leaveTitle: '返回标题画面？', leaveBody: '游戏会按当前进度保存到自动存档：', stayHere: '继续玩', leaveConfirm: '保存并离开',
  shortcutsOn: '单键快捷键（空格、1 2 4、F G S C M R）',
  autoPauseNews: '重大新闻时暂停', autoPauseQuarter: '每个季度报告时暂停',
  worldView: '世界地图：你的站点、机架、电力和竞争对手',
  legendRented: '亮 = 已出租', legendIdle: '暗 = 闲置', legendUnpowered: '灰 = 无电力', legendBuilding: '橙 = 建设中',
  strategy: '策略', autopilot: '自动驾驶',
  yourBid: '你的报价', winner: '中标方', result: '结果', nobody: '无人', rfpLabel: '招标', priceFactorLabel: '相对市场价（×）', usdPerWeekLabel: '每周美元',
  startEnd: '开始 → 结束', delivered: '已交付', notStarted: '未开始', deliveryNotMeasured: '首周：尚未计量', short: '不足', backlog: '积压合同', onDemandPriceShort: '按需价格', platformMaturity: '平台成熟度',
  lossOverMax: '高于客户的最高价', lossExcluded: '未被考虑', yourScore: '评分价', vsWinner: '对比中标方',
  markDelivery: '交付风险', markDiversify: '已是大供应商', markSmall: '相对订单规模偏小', markPlatform: '平台',
  howAwarded: '客户如何选择：比较加价后的最低价——交付风险（GPU 未拥有、未在途或无电力）、已占合同市场较大份额的供应商、相对你规模过大的订单，成熟平台可获折扣；另有 ±5% 的偏好差异。',
  fixedRate: '固定', amortizing: '分期', bullet: '到期一次还本', locked: '锁定', listed: '已上市', marketCap: '市值', lockupEnds: '锁定期结束于第', private: '未上市', sharesWord: '股', depIntro: '只改变此后报告的利润，不影响现金。', liquid: '液冷',
  speedGroup: '速度', decisions: '决策',
  coloHead: '托管：可用 MW，美元/千瓦月', gridHead: '电网：可用 MW，排队', buildHead: '自建园区：$/MW，工期', poweredHead: '有电站点：MW，$/MW', curtailed: '限电', useProgress: '使用 / 进度',
  site_colo: '托管机房', site_campus: '自建园区', site_powered: '有电站点',
  st_energised: '已通电', st_awaitingGrid: '等待并网', st_building: '建设中', st_fitting: '装修中',
  indexHead: '指数', peakHead: '峰值', referenceHead: '参考价', installedGpusHead: '已安装 GPU', rivalHead: '对手', utilShort: '利用率', priceX: '价格倍数',
  strat_leveraged: '杠杆扩张', strat_prudent: '稳健增长', strat_developer: '开发商', strat_energy: '能源伙伴', strat_hyperscaler: '超大规模云', strat_idle: '按兵不动', strat_random: '随机', strat_player: '玩家',
  rep_revenueUsd: '收入', rep_contractRevenueUsd: '合同收入', rep_onDemandRevenueUsd: '按需收入', rep_costOfRevenueUsd: '营业成本',
  rep_grossProfitUsd: '毛利润', rep_operatingExpensesUsd: '营业费用', rep_depreciationUsd: '其中：折旧', rep_stockCompensationUsd: '其中：股权激励',
  rep_operatingIncomeUsd: '营业利润', rep_interestExpenseUsd: '利息支出', rep_otherIncomeUsd: '其他收益', rep_incomeTaxUsd: '所得税',
  rep_netIncomeUsd: '净利润', rep_adjustedEbitdaUsd: '调整后 EBITDA', rep_cash: '现金', rep_totalAssetsUsd: '总资产', rep_debtUsd: '债务',
  rep_deferredRevenueUsd: '递延收入', rep_totalLiabilitiesUsd: '总负债', rep_totalEquityUsd: '股东权益合计', rep_openingCashUsd: '期初现金',
  rep_operatingCashFlowUsd: '经营活动现金流', rep_investingCashFlowUsd: '投资活动现金流', rep_capexUsd: '其中：资本支出', rep_financingCashFlowUsd: '筹资活动现金流',
  rep_closingCash: '期末现金', rep_backlogUsd: '积压合同', rep_gpusOwned: '拥有 GPU', rep_gpusInstalled: '已安装 GPU', rep_gpusIdle: '闲置 GPU（无电力）',
  rep_powerMwAvailable: '可用电力（MW）', rep_powerMwUsed: '已用电力（MW）', rep_utilization: '利用率', rep_topCustomerShare: '最大客户占比',
  rep_top5CustomerShare: '前五大客户占比', rep_onDemandGrossMargin: '按需业务毛利率', rep_capexPerMwUsd: '每 MW 在用资本支出',
  rep_siteEbitdaPerMwYearUsd: '每 MW·年站点 EBITDA', rep_paybackYears: '每 MW 回收期（年）', rep_marketPriceUsdPerGpuHour: '市场价格（$/GPU 小时）',
  rep_sharePriceUsd: '股价', rep_equityValueUsd: '股权价值', newValue: '新增', firstQuarterAfter: '第一个季度在 13 周后结束。',
  installedCapexHead: '安装后单价', perfHead: '性能 训练/推理', usdPerHourHead: '时租', bookValue: '账面价值', total: '总计', nowHead: '当前', gpusHead: 'GPU 数',
  catalogueNote: '每块 GPU 的 kW 未计 PUE · 性能以 H100 为 1（训练 / 推理）', h100Index: 'H100 指数', hot: '火热', cold: '冷淡', neutral: '中性',
  holder_founders: '创始人', holder_earlyInvestors: '早期投资者', holder_foundersInvestors: '创始人和投资者', holder_convertible: '可转债持有人', holder_creditors: '债权人（重组）', holder_ipo: 'IPO 投资者', holder_followOn: '增发投资者', holder_series: '{x} 轮投资者',
  ch_revenue: '收入与调整后 EBITDA', ch_revenueS: '收入', ch_ebitdaS: '调整后 EBITDA', ch_netIncomeS: '净利润', ch_margins: '利润率', ch_grossMarginS: '毛利率',
  ch_ebitdaMarginS: '调整后 EBITDA 利润率', ch_opMarginS: '营业利润率', ch_cash: '现金与债务', ch_cashS: '现金', ch_debtS: '债务', ch_backlogS: '积压合同',
  ch_price: '各代 GPU 价格指数（$/GPU 小时）', ch_util: '利用率', ch_yoursS: '你的', ch_marketS: '市场', ch_decisions: '决策',
  company: '公司', weekN: '第 {n} 周', labelled: '{label}：{text}', listSep: '，', sentenceEnd: '。', notMetBankrupt: '未达成（已破产）', closesWeek: '截止周', scorePerShare: '每股股权价值', usdPerGpuHourHead: '$/GPU 小时',
  engErrTitle: '模拟已停止', engErrBody: '游戏引擎出错，已停止本局，以免显示或保存计算到一半的数据。你的存档不受影响。',
  engErrLoading: '正在载入最近的自动存档…', engErrLoadFailed: '无法载入最近的自动存档', engErrLoad: '载入最近的自动存档', engErrTitleScreen: '返回标题画面',
  benchRevenue: '收入（上季度 ×4）', benchEbitda: '调整后 EBITDA（上季度）', benchRevenueChart: '每季度收入', worldViewFailed: '世界地图无法启动（没有 WebGL 或 Canvas）。',
  refusedAtWeek: '第 {week} 周：{what}被拒绝——{reason}',
  perShareFmt: '每股 {price}',
  queuedTitle: '本周已排队', cancelQueued: '撤销', cancelledQueued: '已撤销',
  recentWins: '最近 {weeks} 周的中标价', awardsN: '{n} 次授标', noRecentWins: '尚无授标',
};

/** The Chinese UI strings (a test reads their punctuation). */
export function zhStrings(): Readonly<Record<string, string>> {
  return ZH as Record<string, string>;
}

/** The keys of both UI string tables (a test checks they are the same). */
export function stringKeys(): { en: string[]; zh: string[] } {
  return { en: Object.keys(EN), zh: Object.keys(ZH) };
}

export function lang(): Lang {
  return getState().settings.lang;
}

export function t(key: StringKey): string {
  if (lang() === 'zh-CN') return ZH[key] ?? EN[key];
  return EN[key];
}

/** `t(key)` with its `{name}` placeholders filled. */
export function tp(key: StringKey, params: Record<string, string | number>): string {
  return t(key).replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * A cap-table holder in the current language. The engine names holders with fixed English labels
 * (part of the hashed state, so they stay as they are); each maps to a message key here.
 */
const HOLDERS: Record<string, StringKey> = {
  Founders: 'holder_founders', 'Early investors': 'holder_earlyInvestors', 'Founders and investors': 'holder_foundersInvestors',
  'Convertible holders': 'holder_convertible', 'Creditors (restructuring)': 'holder_creditors', 'IPO investors': 'holder_ipo', 'Follow-on investors': 'holder_followOn',
};
export function holderLabel(holder: string): string {
  const k = HOLDERS[holder];
  if (k) return t(k);
  const series = /^Series ([A-Z])$/.exec(holder);
  return series ? t('holder_series').replace('{x}', series[1]!) : holder;
}

/** "Week 104" / "第 104 周". */
export function weekN(week: number | string): string {
  return t('weekN').replace('{n}', String(week));
}

/**
 * "Label: text" with the language's colon ("标签：文本" in Chinese, where an ASCII colon after a
 * Chinese word is wrong); `labelled(label)` alone is the label and its colon.
 */
export function labelled(label: string, text = ''): string {
  return t('labelled').replace('{label}', () => label).replace('{text}', () => text);
}

/** Items of a list joined with the language's comma (", " / "，"). */
export function listed(items: readonly string[]): string {
  return items.join(t('listSep'));
}

/**
 * A remark in parentheses after a text, in the language's form: "name (remark)" in English,
 * "名称（备注）" in Chinese — full-width, no space before it. `gap` goes between the text and the
 * opening parenthesis (a line may break there); `open` and `close` are the parentheses.
 */
export function parens(): { gap: string; open: string; close: string } {
  return lang() === 'zh-CN' ? { gap: '', open: '（', close: '）' } : { gap: ' ', open: '(', close: ')' };
}

/** `text` in parentheses, after a gap: " (text)" / "（text）". */
export function inParens(text: string): string {
  const p = parens();
  return `${p.gap}${p.open}${text}${p.close}`;
}

/**
 * Money beside a scenario's story and objectives: in Chinese in their words (`usdWords`: 1.108 亿美元,
 * 7,000 万美元), not "$110.8M" beside "1.1 亿美元"; in English as the rest of the game writes it
 * ($110.8M, as the top bar), which the English story's $70M already matches.
 */
export function usdInWords(n: number): string {
  return lang() === 'zh-CN' ? usdWords(n, 'zh-CN') : usdShort(n);
}

/** A command type as the player knows it ("Order GPUs"), in the current language. */
const COMMAND_NAMES: Record<string, StringKey> = {
  raiseEquity: 'raiseEquity', ipo: 'ipo', followOn: 'followOn', issueConvertible: 'issueConvertible', takeGpuLoan: 'takeGpuLoan', drawFacility: 'drawFacility', arrangeFacility: 'arrangeFacility',
  issueBond: 'issueBond', drawRevolver: 'drawRevolver', repayDebt: 'repayDebt', orderGpus: 'orderGpus', sellGpus: 'sellGpus', setDepreciationLife: 'depreciation',
  leaseColo: 'leaseColo', buildCampus: 'buildCampus', buyPoweredSite: 'buyPoweredSite', bidRfp: 'bid', setOnDemandPrice: 'onDemandPrice', setPlatformSpend: 'platformSpend',
};
export function commandName(type: string): string {
  const k = COMMAND_NAMES[type];
  return k ? t(k) : type;
}

/** A scenario text in the current language (English when the translation is missing). */
export function loc(text: { en: string; 'zh-CN'?: string | undefined } | undefined | null): string {
  if (!text) return '';
  if (lang() === 'zh-CN') return text['zh-CN'] ?? text.en;
  return text.en;
}

export { usd, num, int, pct, price } from '../i18n/format.ts';
