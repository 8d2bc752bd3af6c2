/**
 * The game-over dialog's reason (issue 12 item 2): the engine's record of the default rendered in
 * English and Chinese with its figures; without a record (a save from before it) the old text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { gameOverText } from '../../src/ui/advice.ts';
import { getState, setState } from '../../src/store/ui.ts';
import type { GameOverReason } from '../../src/engine/advisor.ts';
import type { DefaultCause } from '../../src/engine/types.ts';

const setLang = (lang: 'en' | 'zh-CN') => setState({ settings: { ...getState().settings, lang } });
const over = (cause: DefaultCause | null, kind: GameOverReason['kind'] = 'covenant'): GameOverReason => ({ kind, week: 116, missingUsd: 0, cause });
const base = { outcome: 'bankrupt' as const, week: 116, debtId: null, debtKind: null, covenantId: null, figure: null, limit: null };

describe('game-over reason text', () => {
  afterEach(() => setLang('en'));
  it('names the covenant, its figure against the limit, the debt called and the cash short; in Chinese too', () => {
    const g = over({ ...base, kind: 'covenant', covenantId: 'liquidity', dueUsd: 37_371_415.76, shortUsd: 34_743_197.79, figure: 2_628_217.97, limit: 25_000_000 });
    expect(gameOverText(g)).toBe('Bankrupt in week 116: Minimum liquidity (cash + undrawn committed credit) was still breached when the cure period ended — $2.6M against a limit of ≥\u00a0$25.0M. Lenders called $37.4M of debt; cash fell $34.7M short.');
    setLang('zh-CN');
    const zh = gameOverText(g);
    expect(zh).toMatch(/^第 116 周破产：纠正期结束时最低流动性/);
    for (const figure of ['$2.6M', '$25.0M', '$37.4M', '$34.7M']) expect(zh).toContain(figure);
  });
  it('a missed payment names the instrument and the amounts; a margin call the GPU loan and its loan-to-value', () => {
    expect(gameOverText(over({ ...base, kind: 'missedPayment', debtId: 'd5', debtKind: 'gpuLoan', dueUsd: 139_814.57, shortUsd: 3_991_680.4 }, 'payment')))
      .toMatch(/^Bankrupt in week 116: a payment could not be made\. \$139\.8k of debt service was due \(the largest on the GPU loan\), and \$4\.0M was missing/);
    expect(gameOverText(over({ ...base, kind: 'missedPayment', dueUsd: 0, shortUsd: 3_991_680.4 }, 'payment'))).toMatch(/the week’s bills could not be paid — \$4\.0M was missing/);
    // The waiver fee at a quarter close: the covenant it waives, the fee, the largest lender, what was missing; in Chinese too.
    const fee = over({ ...base, kind: 'missedPayment', debtId: 'd1', debtKind: 'gpuLoan', covenantId: 'liquidity', dueUsd: 10_050_000, shortUsd: 5_120_000 }, 'payment');
    expect(gameOverText(fee)).toBe('Bankrupt in week 116: the covenant waiver fee could not be paid. Minimum liquidity (cash + undrawn committed credit) was breached at the quarter close; the lenders charged $10.1M (the largest share to the GPU loan), and $5.1M was missing after cash and committed credit ran out.');
    setLang('zh-CN');
    expect(gameOverText(fee)).toBe('第 116 周破产：无法支付契约豁免费。季末最低流动性（现金 + 未提取的承诺信贷）未达标，贷款方收取 $10.1M（最大一笔来自 GPU 贷款），现金和已承诺信贷用尽后仍缺 $5.1M。');
    setLang('en');
    expect(gameOverText(over({ ...base, kind: 'marginCall', debtId: 'd5', debtKind: 'gpuLoan', covenantId: 'gpuLoanToValue', dueUsd: 10_938_700.25, shortUsd: 3_860_879.2, figure: 0.117, limit: 0.077 })))
      .toMatch(/a margin call on the GPU loan fell due — GPU loans at 0\.12× of the fleet’s value against a limit of ≤\s0\.077×, so \$10\.9M had to be prepaid; \$3\.9M of it could not be paid\.$/);
  });
  it('without the engine\'s record (an old save) the old text', () => {
    expect(gameOverText(over(null))).toMatch(/^Bankrupt in week 116: a loan covenant breach \(or a margin call on GPU loans\) was not cured in time/);
    expect(gameOverText({ kind: 'payment', week: 12, missingUsd: 2_000_000, cause: null })).toMatch(/\$2\.0M was missing after cash and credit ran out/);
  });
});
