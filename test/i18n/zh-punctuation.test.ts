/**
 * Every Chinese text of the one message table (engine, advisor, guide, class mode), the UI strings
 * and the map's table (src/game/messages.ts) uses full-width punctuation (the rule:
 * ./zhPunctuation.ts); texts put together from parts use `labelled` / `listed`, whose Chinese
 * forms are checked here too (test/browser/firsthour.test.ts checks the rendered page, accessible
 * names included).
 */
import { describe, it, expect } from 'vitest';
import { adviceTables } from '../../src/ui/advice.ts';
import { zhStrings } from '../../src/ui/i18n.ts';
import { MAP_MESSAGES } from '../../src/game/messages.ts';

import { punctuationProblem } from './zhPunctuation.ts';

describe('Chinese punctuation', () => {
  it('the checker flags ASCII punctuation in Chinese and leaves numbers, files and English alone', () => {
    for (const bad of ['破产: 原因', '现金不足.', '第 {week} 周破产: {reason}', '{usd} 短缺.', '资金, 然后', '价格,{x}', '（已计入）.', '等待中...']) expect(punctuationProblem(bad), bad).not.toBeNull();
    for (const ok of ['利率 1.5%，期限 12:30', '1,234 块 GPU', '下载课堂文件（.class.json）', '空格 暂停 · . 前进一周 · ? 帮助', 'Cash: $1.2M.', '估值：{usd}。']) expect(punctuationProblem(ok), ok).toBeNull();
  });

  it('every Chinese text of the message table, the UI strings and the map uses full-width punctuation', () => {
    const map = Object.fromEntries(Object.entries(MAP_MESSAGES['zh-CN']).map(([k, v]) => [`map table ${k}`, v]));
    expect(Object.keys(map).length).toBeGreaterThan(50);
    const texts = { ...adviceTables().zh, ...zhStrings(), ...map };
    expect(Object.keys(texts).length).toBeGreaterThan(800);
    const bad = Object.entries(texts).flatMap(([k, v]) => { const p = punctuationProblem(v); return p ? [`${k}: ${p}`] : []; });
    expect(bad).toEqual([]);
  });

  it('labels and lists put together in Chinese read with full-width punctuation (what the charts and the map use)', () => {
    const zh = zhStrings();
    const label = (l: string, x: string) => zh.labelled!.replace('{label}', l).replace('{text}', x);
    const joined = ['营收 $1.2M', '净利润 −$0.3M'].join(zh.listSep);
    expect(punctuationProblem(label('营收', joined))).toBeNull();
    expect(punctuationProblem(label('关闭', '得克萨斯'))).toBeNull();
    // What the charts and the map's close button wrote before (an ASCII colon and comma after Chinese).
    expect(punctuationProblem('营收: 营收 $1.2M, 净利润 −$0.3M')).not.toBeNull();
    expect(punctuationProblem('关闭: 得克萨斯')).not.toBeNull();
  });
});
