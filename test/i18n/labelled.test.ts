/**
 * `labelled(label, text)`: "Label: text" with the language's colon — the queued/refused toasts, the
 * cancel buttons' names and the title cards use it, so 中文 never shows an ASCII colon after a
 * Chinese word; and a text holding `$&` or `$'` (money, names from a file) comes out as written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { labelled, t } from '../../src/ui/i18n.ts';
import { getState, setState } from '../../src/store/ui.ts';

const setLang = (lang: 'en' | 'zh-CN') => setState({ settings: { ...getState().settings, lang } });

describe('labelled', () => {
  afterEach(() => setLang('en'));
  it('uses an ASCII colon and a space in English, the full-width colon in Chinese', () => {
    expect(labelled(t('queued'), 'Order 1,000 H100')).toBe('Queued for next week: Order 1,000 H100');
    setLang('zh-CN');
    const zh = labelled(t('queued'), '订购 1,000 块 H100');
    expect(zh).toBe(`${t('queued')}：订购 1,000 块 H100`);
    expect(zh).not.toMatch(/[\u4e00-\u9fff]:/);
  });
  it('keeps replacement patterns in the text literally', () => {
    expect(labelled('Bid', "Acme $& Co $' $` $$5")).toBe("Bid: Acme $& Co $' $` $$5");
    expect(labelled("$& label", 'x')).toBe('$& label: x');
  });
});
