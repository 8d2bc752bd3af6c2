/**
 * UI strings in English and Simplified Chinese. Scenario text comes from the scenario itself
 * (Localized fields) and falls back to English.
 */
import { getState, type Lang } from '../store/ui.ts';

const EN = {
  gameName: 'Neocloud Tycoon',
  tagline: 'Run a GPU cloud. Raise the money, buy the chips, find the power, sign the customers.',
  chooseScenario: 'Choose a scenario',
  loadFile: 'Load scenario file…',
  dropHint: 'or drop a scenario .json file anywhere on this page',
  seed: 'Seed',
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
  badFile: 'This scenario file has problems',
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
  cash: 'Cash', runway: 'Runway', debt: 'Debt', sharePrice: 'Share price', valuation: 'Valuation',
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
  takeGpuLoan: 'GPU-backed term loan', drawFacility: 'Contract-backed facility draw', issueBond: 'High-yield bond', drawRevolver: 'Revolver draw',
  repayDebt: 'Repay debt', debtInstrument: 'Debt',
  capTable: 'Cap table', holder: 'Holder', shares: 'Shares', stake: 'Stake', pricePaid: 'Price paid',
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
  bankrupt: 'Bankrupt', won_: 'Objectives met', lost_: 'Objectives missed', ended: 'Game over',
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
  startEnd: 'Start → end', delivered: 'Delivered', notStarted: 'not started', short: 'short', backlog: 'backlog', onDemandPriceShort: 'on-demand price', platformMaturity: 'platform maturity',
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
};

export type StringKey = keyof typeof EN;

const ZH: Partial<Record<StringKey, string>> = {
  gameName: '新云大亨',
  tagline: '经营一家 GPU 云公司：融资、买芯片、找电力、签客户。',
  chooseScenario: '选择情景',
  loadFile: '载入情景文件…',
  dropHint: '或把情景 .json 文件拖放到本页任意位置',
  seed: '随机种子',
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
  badFile: '该情景文件有问题',
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
  cash: '现金', runway: '现金跑道', debt: '债务', sharePrice: '股价', valuation: '估值',
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
  takeGpuLoan: 'GPU 抵押定期贷款', drawFacility: '合同担保授信提款', issueBond: '高收益债券', drawRevolver: '循环信贷提款',
  repayDebt: '偿还债务', debtInstrument: '债务',
  capTable: '股权结构表', holder: '持有人', shares: '股数', stake: '持股比例', pricePaid: '买入价',
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
  bankrupt: '破产', won_: '达成目标', lost_: '未达成目标', ended: '游戏结束',
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
  startEnd: '开始 → 结束', delivered: '已交付', notStarted: '未开始', short: '不足', backlog: '积压合同', onDemandPriceShort: '按需价格', platformMaturity: '平台成熟度',
  lossOverMax: '高于客户的最高价', lossExcluded: '未被考虑', yourScore: '评分价', vsWinner: '对比中标方',
  markDelivery: '交付风险', markDiversify: '已是大供应商', markSmall: '相对订单规模偏小', markPlatform: '平台',
  howAwarded: '客户如何选择：比较加价后的最低价——交付风险（GPU 未拥有、未在途或无电力）、已占合同市场较大份额的供应商、相对你规模过大的订单，成熟平台可获折扣；另有 ±5% 的偏好差异。',
  fixedRate: '固定', amortizing: '分期', bullet: '到期一次还本', locked: '锁定', listed: '已上市', marketCap: '市值', lockupEnds: '锁定期结束于第', private: '未上市', sharesWord: '股', depIntro: '只改变此后报告的利润，不影响现金。', liquid: '液冷',
  speedGroup: '速度', decisions: '决策',
  coloHead: '托管：可用 MW，$/kW·月', gridHead: '电网：可用 MW，排队', buildHead: '自建园区：$/MW，工期', poweredHead: '有电站点：MW，$/MW', curtailed: '限电', useProgress: '使用 / 进度',
  site_colo: '托管机房', site_campus: '自建园区', site_powered: '有电站点',
  st_energised: '已通电', st_awaitingGrid: '等待并网', st_building: '建设中', st_fitting: '装修中',
  indexHead: '指数', peakHead: '峰值', referenceHead: '参考价', installedGpusHead: '已安装 GPU', rivalHead: '对手', utilShort: '利用率', priceX: '价格倍数',
  strat_leveraged: '杠杆扩张', strat_prudent: '稳健增长', strat_developer: '开发商', strat_energy: '能源伙伴', strat_hyperscaler: '超大规模云', strat_idle: '按兵不动', strat_random: '随机', strat_player: '玩家',
};

export function lang(): Lang {
  return getState().settings.lang;
}

export function t(key: StringKey): string {
  if (lang() === 'zh-CN') return ZH[key] ?? EN[key];
  return EN[key];
}

/** A scenario text in the current language (English when the translation is missing). */
export function loc(text: { en: string; 'zh-CN'?: string | undefined } | undefined | null): string {
  if (!text) return '';
  if (lang() === 'zh-CN') return text['zh-CN'] ?? text.en;
  return text.en;
}

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
