/**
 * The save dialog's and the storage's refusals are UI strings in the player's language (before, they
 * were English in 中文): an empty or long save name, a full or unavailable browser storage, a failed
 * write; `tp` fills placeholders and keeps `$&`-like text as written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tp } from '../../src/ui/i18n.ts';
import { checkSaveName, describeStorageError } from '../../src/ui/saves.ts';
import { getState, setState } from '../../src/store/ui.ts';
import { MAX_SAVE_NAME_CHARS } from '../../src/scenario/limits.ts';

const setLang = (lang: 'en' | 'zh-CN') => setState({ settings: { ...getState().settings, lang } });
const reason = (r: ReturnType<typeof checkSaveName>) => (r.ok ? 'accepted' : r.reason);

describe('save and storage messages', () => {
  afterEach(() => setLang('en'));

  it('in English, then the same refusals in Chinese', () => {
    expect(reason(checkSaveName('   '))).toBe('Give the save a name.');
    expect(reason(checkSaveName('x'.repeat(MAX_SAVE_NAME_CHARS + 1)))).toBe(`A save name may be at most ${MAX_SAVE_NAME_CHARS} characters.`);
    expect(describeStorageError({ name: 'QuotaExceededError' })).toMatch(/^Storage is full/);
    expect(describeStorageError(new Error('disk on fire'))).toBe('Saving failed: disk on fire');
    setLang('zh-CN');
    expect(reason(checkSaveName(''))).toBe('请给存档起个名字。');
    expect(reason(checkSaveName('x'.repeat(MAX_SAVE_NAME_CHARS + 1)))).toBe(`存档名最多 ${MAX_SAVE_NAME_CHARS} 个字符。`);
    expect(describeStorageError({ name: 'InvalidStateError' })).toMatch(/^浏览器存储不可用/);
    expect(describeStorageError(new Error('disk on fire'))).toBe('保存失败：disk on fire');
    expect(checkSaveName('  my save ')).toEqual({ ok: true, name: 'my save' });
  });

  it('tp fills placeholders literally and leaves unknown ones', () => {
    expect(tp('saveExists', { name: "Acme $& $' co" })).toBe('A save called "Acme $& $\' co" already exists. Save again to replace it.');
    expect(tp('saveNameLong', {})).toBe('A save name may be at most {max} characters.');
  });
});
