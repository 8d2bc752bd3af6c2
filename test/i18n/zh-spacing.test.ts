/**
 * Chinese sets a Latin word or a number off from Chinese characters with a space on both sides, as
 * the catalogue writes it ("部分 GPU 贷款", "第 {week:int} 周"). A parameter filled in right
 * against a Chinese character of its template gets that space too: the repay preview read
 * "偿还GPU 贷款".
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n/render.ts';
import { EN_MESSAGES, ZH_MESSAGES } from '../../src/i18n/messages.ts';

const tables = { en: EN_MESSAGES, zh: ZH_MESSAGES };

describe('Chinese spacing around Latin words filled in', () => {
  it('the repay preview: 偿还 GPU 贷款', () => {
    const zh = render('zh-CN', tables, 'cmd.repay', { kind: 'debtKind.gpuLoan', id: 'gpu-1', amountUsd: 5e6 });
    expect(zh).toBe('偿还 GPU 贷款 gpu-1 共 $5.0M');
    expect(render('zh-CN', tables, 'cmd.repay', { kind: 'debtKind.bond', id: 'b-1', amountUsd: 5e6 })).toBe('偿还债券 b-1 共 $5.0M');
  });

  it('a space on both sides where the template has none, never a second one, and English is unchanged', () => {
    const t = { en: { x: 'Pay {a} now' }, zh: { x: '支付{a}现在，{b}。{c} 个' } };
    expect(render('zh-CN', t, 'x', { a: 'GPU', b: 'H100', c: '12' })).toBe('支付 GPU 现在，H100。12 个');
    expect(render('zh-CN', t, 'x', { a: '贷款', b: 'x', c: '1' })).toBe('支付贷款现在，x。1 个');
    expect(render('en', t, 'x', { a: 'GPU' })).toBe('Pay GPU now');
  });

  it('no rendered Chinese message of the table has a Latin letter right against a Chinese character from a parameter', () => {
    const params = { kind: 'debtKind.gpuLoan', debt: 'GPU 贷款', model: 'H100', customer: 'Test Lab', name: 'Nimbus', id: 'x-1' };
    const bad = Object.keys(ZH_MESSAGES).map((id) => render('zh-CN', tables, id, params)).filter((s) => /[\u4e00-\u9fff](GPU|H100|Test Lab|Nimbus)|(GPU|H100|Lab|Nimbus)[\u4e00-\u9fff]/.test(s));
    expect(bad).toEqual([]);
  });
});
