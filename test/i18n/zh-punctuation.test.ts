/**
 * Every Chinese text of the one message table (engine, advisor, guide, class mode) and the UI
 * strings uses full-width punctuation (the rule: ./zhPunctuation.ts).
 */
import { describe, it, expect } from 'vitest';
import { adviceTables } from '../../src/ui/advice.ts';
import { zhStrings } from '../../src/ui/i18n.ts';

import { punctuationProblem } from './zhPunctuation.ts';

describe('Chinese punctuation', () => {
  it('the checker flags ASCII punctuation in Chinese and leaves numbers, files and English alone', () => {
    for (const bad of ['破产: 原因', '现金不足.', '第 {week} 周破产: {reason}', '{usd} 短缺.', '资金, 然后', '价格,{x}', '（已计入）.', '等待中...']) expect(punctuationProblem(bad), bad).not.toBeNull();
    for (const ok of ['利率 1.5%，期限 12:30', '1,234 块 GPU', '下载课堂文件（.class.json）', '空格 暂停 · . 前进一周 · ? 帮助', 'Cash: $1.2M.', '估值：{usd}。']) expect(punctuationProblem(ok), ok).toBeNull();
  });

  it('every Chinese text of the message table and the UI strings uses full-width punctuation', () => {
    const texts = { ...adviceTables().zh, ...zhStrings() };
    expect(Object.keys(texts).length).toBeGreaterThan(800);
    const bad = Object.entries(texts).flatMap(([k, v]) => { const p = punctuationProblem(v); return p ? [`${k}: ${p}`] : []; });
    expect(bad).toEqual([]);
  });
});
