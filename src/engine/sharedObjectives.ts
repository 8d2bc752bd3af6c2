/**
 * The objective every scenario shares, on top of its own (`objectives.ts` evaluates it): nobody wins
 * insolvent. Its own small module so the title screen and the briefing can list it without loading
 * the engine.
 */
export const SOLVENT_BOOKS_LABEL: { en: string; 'zh-CN': string } = {
  en: 'End with positive book equity (assets above liabilities)',
  'zh-CN': '结束时账面权益为正（资产大于负债）',
};
