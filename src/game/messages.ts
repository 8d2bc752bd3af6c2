/**
 * The map's texts (Phaser world view and the DOM map layer) in English and Simplified Chinese.
 * Placeholders `{name}` take parameters already formatted by the caller (money, counts, weeks),
 * so a message never does arithmetic. No Phaser import here: the DOM layer uses it too.
 */
export type MapLang = 'en' | 'zh-CN';

const EN = {
  'map.ticker': 'H100 index {price}/GPU-hr · market utilisation {util}',
  'map.tickerOpening': 'Opening week: H100 index {price}/GPU-hr · market utilisation {util}',
  'map.ticker2': 'Sentiment {sentiment} {arrow} · base rate {rate} · 1 rack = {unit} GPUs',
  'map.inbound': 'INBOUND & WAREHOUSE',
  'map.waiting': '{count} GPUs waiting for power',
  'map.nothingOnOrder': 'nothing on order',
  'map.moreOrders': '+{count} more orders (Fleet tab)',
  'map.weeksLeft': '{weeks} wk',
  'map.noGpus': 'no GPUs installed',
  'map.curtailed': 'CURTAILED',
  'map.gridQueue': 'GRID QUEUE · {mw} MW · wk {week}',
  'map.building': 'BUILDING {kind} · {mw} MW · {pct}',
  'map.mwUsed': '{used}/{total} MW',
  'map.cardLine': '{power}/MWh · {gpus} GPUs',
  'map.markerLine': '{power}/MWh',
  'map.rivalTip': '{name} — {archetype}: {mw} MW here',
  'map.off': 'The world map is switched off (?world=0 in the address).',
  'map.regionsGroup': 'Regions on the map',
  'map.regionButton': '{name}: {sites} of your sites, {mw} MW; {rivals} rivals present. Show the region.',
  'map.rivalsLegend': 'Rivals',
  'map.rivalChip': '{letter} {name} ({archetype})',
  'region.close': 'Close',
  'region.yourSites': 'Your sites here',
  'region.noSites': 'None yet.',
  'region.siteRow': '{kind}, {mw} MW — {status}',
  'region.power': 'Power',
  'region.coloc': 'Colocation to lease: {mw} MW at {price}/kW-month, ready in {weeks} wk',
  'region.grid': 'Grid capacity for a new campus: {mw} MW, connection queue {weeks} wk',
  'region.powered': 'Powered sites for sale: {mw} MW at {price}/MW, ready in {weeks} wk',
  'region.campus': 'Build a campus: {price}/MW, {weeks} wk to build',
  'region.prices': 'Prices',
  'region.energy': 'Electricity {price}/MWh · PUE {pue}',
  'region.curtailedNow': 'Curtailed now: {pct} of power cut',
  'region.usage': 'Data-centre power in use here: {used} of {capacity} MW',
  'region.rivals': 'Rivals here',
  'region.noRivals': 'No rival has power here.',
  'region.rivalRow': '{name} — {archetype}: {mw} MW',
  'region.leaseHere': 'Lease colocation here',
  'region.buyHere': 'Buy a powered site here',
  'region.buildHere': 'Build a campus here',
  'region.actions': 'Get power here (opens the Sites form, filled in)',
  'site.colo': 'colocation', 'site.powered': 'powered site', 'site.campus': 'campus',
  'status.energised': 'energised', 'status.building': 'being built', 'status.awaitingGrid': 'waiting for the grid', 'status.fitting': 'fit-out',
  'news.kind.event': 'event', 'news.kind.rfp': 'request', 'news.kind.company': 'company', 'news.kind.market': 'market', 'news.kind.finance': 'finance',
} as const;

export type MapMsgId = keyof typeof EN;

const ZH: Record<MapMsgId, string> = {
  'map.ticker': 'H100 指数 {price}/GPU·时 · 市场利用率 {util}',
  'map.tickerOpening': '开局首周：H100 指数 {price}/GPU·时 · 市场利用率 {util}',
  'map.ticker2': '市场情绪 {sentiment} {arrow} · 基准利率 {rate} · 1 机柜 = {unit} 块 GPU',
  'map.inbound': '在途与仓库',
  'map.waiting': '{count} 块 GPU 等待供电',
  'map.nothingOnOrder': '暂无订单',
  'map.moreOrders': '另有 {count} 笔订单（见机队页）',
  'map.weeksLeft': '{weeks} 周',
  'map.noGpus': '尚未安装 GPU',
  'map.curtailed': '限电',
  'map.gridQueue': '并网排队 · {mw} MW · 第 {week} 周',
  'map.building': '建设中 {kind} · {mw} MW · {pct}',
  'map.mwUsed': '{used}/{total} MW',
  'map.cardLine': '{power}/MWh · {gpus} 块 GPU',
  'map.markerLine': '{power}/MWh',
  'map.rivalTip': '{name} — {archetype}：此地 {mw} MW',
  'map.off': '世界地图已关闭（地址中含 ?world=0）。',
  'map.regionsGroup': '地图上的地区',
  'map.regionButton': '{name}：你的站点 {sites} 个，{mw} MW；竞争对手 {rivals} 家。查看该地区。',
  'map.rivalsLegend': '竞争对手',
  'map.rivalChip': '{letter} {name}（{archetype}）',
  'region.close': '关闭',
  'region.yourSites': '你在此地的站点',
  'region.noSites': '暂无。',
  'region.siteRow': '{kind}，{mw} MW — {status}',
  'region.power': '电力',
  'region.coloc': '可租托管：{mw} MW，{price}/kW·月，{weeks} 周就绪',
  'region.grid': '新园区可用电网容量：{mw} MW，并网排队 {weeks} 周',
  'region.powered': '在售带电站点：{mw} MW，{price}/MW，{weeks} 周就绪',
  'region.campus': '自建园区：{price}/MW，建设 {weeks} 周',
  'region.prices': '价格',
  'region.energy': '电价 {price}/MWh · PUE {pue}',
  'region.curtailedNow': '当前限电：削减 {pct} 电力',
  'region.usage': '此地数据中心用电：{used} / {capacity} MW',
  'region.rivals': '此地的竞争对手',
  'region.noRivals': '此地没有竞争对手的电力。',
  'region.rivalRow': '{name} — {archetype}：{mw} MW',
  'region.leaseHere': '在此租用托管',
  'region.buyHere': '在此购买带电站点',
  'region.buildHere': '在此自建园区',
  'region.actions': '在此获取电力（打开已填好的站点表单）',
  'site.colo': '托管', 'site.powered': '带电站点', 'site.campus': '园区',
  'status.energised': '已通电', 'status.building': '建设中', 'status.awaitingGrid': '等待并网', 'status.fitting': '装修中',
  'news.kind.event': '事件', 'news.kind.rfp': '招标', 'news.kind.company': '公司', 'news.kind.market': '市场', 'news.kind.finance': '融资',
};

/** Both tables, for the completeness test. */
export const MAP_MESSAGES: Record<MapLang, Record<MapMsgId, string>> = { en: EN, 'zh-CN': ZH };

/** A map message in `lang` with its parameters filled in (a missing parameter shows as "?"). */
export function mapMsg(lang: MapLang, id: MapMsgId, params: Record<string, string | number> = {}): string {
  const text = MAP_MESSAGES[lang][id] ?? EN[id];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : '?'));
}
