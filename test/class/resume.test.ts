/**
 * A class game survives Menu → Continue (src/ui/class/resume.ts): the class remembered beside a
 * save comes back only for that same save, and a stored record that was edited (config, student,
 * seed) is ignored and dropped rather than trusted.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { rememberClassSave, classPlayOfSave, CLASS_SAVES_KEPT } from '../../src/ui/class/resume.ts';
import { classHash, CLASS_CONFIG_VERSION, DEFAULT_CLASS_RULES, type ClassConfig } from '../../src/class/config.ts';
import { studentSeed } from '../../src/class/seed.ts';

const store = new Map<string, string>();
(globalThis as unknown as { localStorage: Pick<Storage, 'getItem' | 'setItem'> }).localStorage = {
  getItem: (k) => store.get(k) ?? null,
  setItem: (k, v) => { store.set(k, String(v)); },
};

const config: ClassConfig = { version: CLASS_CONFIG_VERSION, title: 'Finance 301', scenario: { kind: 'bundled', id: 'default' }, overlay: {}, seed: 4242, seedMode: 'perStudent', rules: { ...DEFAULT_CLASS_RULES, maxSpeed: 2 } };
const seed = studentSeed(4242, 'ada lovelace');
const save = (savedAt: string, s = seed) => ({ format: 'neocloud-tycoon-save', savedAt, seed: s, scenarioId: 'default', week: 60 });

describe('class of a saved game (Menu → Continue)', () => {
  beforeEach(() => store.clear());

  it('comes back for the same save, with its hash, student, seed and attempt; not for another save', async () => {
    const hash = await classHash(config);
    rememberClassSave(save('2026-12-02T03:00:00.000Z'), { config, hash, student: 'Ada Lovelace', seed, attempt: 2 });
    expect(await classPlayOfSave(save('2026-12-02T03:00:00.000Z'))).toEqual({ config, hash, student: 'Ada Lovelace', seed, attempt: 2 });
    expect(await classPlayOfSave(save('2026-12-02T03:00:01.000Z'))).toBeNull();
    expect(await classPlayOfSave({ ...save('2026-12-02T03:00:00.000Z'), scenarioId: 'ai-winter' })).toBeNull();
    expect(await classPlayOfSave('not a save')).toBeNull();
  });

  it('an edited record is ignored and dropped: another student name, a config that is not a class, a non-whole attempt', async () => {
    const hash = await classHash(config);
    const edits: ((e: Record<string, unknown>) => void)[] = [
      (e) => { e.student = 'Grace Hopper'; }, // the seed is Ada's: not Grace's seed in a per-student class
      (e) => { (e.config as Record<string, unknown>).seed = 'x'; },
      (e) => { (e.config as { rules: Record<string, unknown> }).rules.maxSpeed = 8; },
      (e) => { e.attempt = 0.5; },
      (e) => { e.student = '   '; },
    ];
    for (const edit of edits) {
      store.clear();
      rememberClassSave(save('t1'), { config, hash, student: 'Ada Lovelace', seed, attempt: 1 });
      const entries = JSON.parse(store.get('neocloud.class.saves')!) as Record<string, unknown>[];
      edit(entries[0]!);
      store.set('neocloud.class.saves', JSON.stringify(entries));
      expect(await classPlayOfSave(save('t1'))).toBeNull();
      expect(JSON.parse(store.get('neocloud.class.saves')!)).toEqual([]);
    }
    store.set('neocloud.class.saves', '{not json');
    expect(await classPlayOfSave(save('t1'))).toBeNull();
  });

  it(`keeps the newest ${CLASS_SAVES_KEPT} saves' classes`, async () => {
    const hash = await classHash(config);
    for (let i = 0; i < CLASS_SAVES_KEPT + 3; i++) rememberClassSave(save(`t${i}`), { config, hash, student: 'Ada Lovelace', seed, attempt: 1 });
    expect(await classPlayOfSave(save(`t${CLASS_SAVES_KEPT + 2}`))).not.toBeNull();
    expect(await classPlayOfSave(save('t0'))).toBeNull();
  });
});
