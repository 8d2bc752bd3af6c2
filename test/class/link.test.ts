/** Class config and class link (src/class/config.ts, link.ts): round trip, and bad or tampered links refused with a clear code. */
import { describe, it, expect } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { encodeClassLink, encodeClassFragment, decodeClassLink, base64UrlEncode, base64UrlDecode, hasClassFragment, MAX_LINK_CHARS, MAX_INFLATED_BYTES } from '../../src/class/link.ts';
import { parseClassConfig, classHash, classScenarioDocument, classScenarioSource, OVERLAY_SCHEMA_VERSION, classSlug, DEFAULT_CLASS_RULES, type ClassConfig } from '../../src/class/config.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';
import { bundledScenarios } from '../../src/scenario/bundled.ts';
import { SCHEMA_VERSION } from '../../src/scenario/schema/index.ts';

const BASE = 'https://example.org/neocloud/index.html';

const config = (over: Partial<ClassConfig> = {}): ClassConfig => ({
  version: 1,
  title: 'Finance 301 — 周三 section',
  scenario: { kind: 'bundled', id: 'default' },
  overlay: { company: { cashUsd: 200_000_000 } },
  seed: 4242,
  seedMode: 'perStudent',
  rules: { ...DEFAULT_CLASS_RULES, maxSpeed: 2, attempts: 3, dueDate: '2027-03-01', language: 'zh-CN' },
  ...over,
});

const fragmentOf = (payload: unknown) => '#class=1.' + base64UrlEncode(deflateRawSync(Buffer.from(JSON.stringify(payload))));

describe('class link', () => {
  it('round-trips a class through the link, and the hash is stable', async () => {
    const c = config();
    const enc = await encodeClassLink(c, BASE + '#old');
    expect(enc.kind).toBe('link');
    expect(enc.url.startsWith(BASE + '#class=1.')).toBe(true);
    expect(/^#class=1\.[A-Za-z0-9_-]+$/.test(enc.fragment)).toBe(true);
    expect(hasClassFragment(enc.url)).toBe(true);
    const dec = await decodeClassLink(enc.url);
    expect(dec).toEqual({ ok: true, config: c });
    if (!dec.ok) return;
    expect(await classHash(dec.config)).toBe(await classHash(c));
    expect(await classHash(dec.config)).toMatch(/^[0-9a-f]{64}$/);
    // Another seed is another class.
    expect(await classHash({ ...c, seed: 4243 })).not.toBe(await classHash(c));
  });

  it('decodes what Node zlib deflated (the fragment is plain deflate-raw + base64url)', async () => {
    const dec = await decodeClassLink(fragmentOf(config()));
    expect(dec.ok).toBe(true);
  });

  it('a class with a whole scenario file is too long for a link: a file is offered', async () => {
    const c = config({ scenario: { kind: 'file', value: bundledScenarios['default'] as Record<string, unknown>, fileName: 'mine.json' }, overlay: {} });
    const enc = await encodeClassLink(c, BASE);
    expect(enc.kind).toBe('file');
    if (enc.kind === 'file') expect(enc.chars).toBeGreaterThan(MAX_LINK_CHARS);
    // The long fragment still decodes (the title screen opens such a link when pasted whole).
    expect((await decodeClassLink(enc.fragment)).ok).toBe(true);
  });

  it('bad and tampered links are refused with a code and a reason', async () => {
    const good = (await encodeClassLink(config(), BASE)).fragment;
    const cases: [string, string][] = [
      [BASE, 'notClassLink'],
      ['#save=1.abc', 'notClassLink'],
      ['#class=abc', 'badVersion'],
      ['#class=9.' + good.slice(9), 'newerVersion'],
      ['#class=0.' + good.slice(9), 'badVersion'],
      ['#class=1.', 'badBase64'],
      ['#class=1.ab$cd', 'badBase64'],
      ['#class=1.' + 'A'.repeat(300_000), 'tooLong'],
      [good.slice(0, good.length - 12), 'badDeflate'],
      ['#class=1.' + base64UrlEncode(new TextEncoder().encode('not deflate at all, just text')), 'badDeflate'],
      [fragmentOf('just a string'), 'badConfig'],
      [fragmentOf({ ...config(), seed: -1 }), 'badConfig'],
      [fragmentOf({ ...config(), rules: { ...config().rules, maxSpeed: 64 } }), 'badConfig'],
      [fragmentOf({ ...config(), extra: 1 }), 'badConfig'],
      [fragmentOf({ ...config(), overlay: { extends: 'ai-winter' } }), 'badConfig'],
      [fragmentOf({ ...config(), version: 2 }), 'newerVersion'],
      ['#class=1.' + base64UrlEncode(deflateRawSync(Buffer.from('{"version": 1, '))), 'badJson'],
    ];
    for (const [link, code] of cases) {
      const r = await decodeClassLink(link);
      expect(r.ok, link.slice(0, 40)).toBe(false);
      if (!r.ok) {
        expect(r.code, link.slice(0, 40)).toBe(code);
        expect(r.reason.length).toBeGreaterThan(10);
      }
    }
  });

  it('a flipped character in the payload never yields a different class silently', async () => {
    const c = config();
    const good = (await encodeClassLink(c, BASE)).fragment;
    let changed = 0;
    for (let i = 12; i < good.length; i += 7) {
      const ch = good[i] === 'A' ? 'B' : 'A';
      const r = await decodeClassLink(good.slice(0, i) + ch + good.slice(i + 1));
      // Either refused, or (deflate has no checksum) a config that still passes the schema but differs:
      // its class hash then differs, so result files of the real class show as "other class".
      if (r.ok) { changed++; expect(await classHash(r.config)).not.toBe(await classHash(c)); }
    }
    expect(changed).toBeLessThan(good.length);
  });

  it('a deflate bomb stops at the inflate cap', async () => {
    const bomb = deflateRawSync(Buffer.alloc(MAX_INFLATED_BYTES + 4096, 32));
    const r = await decodeClassLink('#class=1.' + base64UrlEncode(bomb));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('tooLarge');
  });

  it('base64url round-trips every length', () => {
    for (let n = 0; n < 40; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
      expect(Array.from(base64UrlDecode(base64UrlEncode(b)) ?? [])).toEqual(Array.from(b));
    }
    expect(base64UrlDecode('abcde')).toBeNull();
  });

  it('the fragment is deterministic for the same config', async () => {
    expect(await encodeClassFragment(config())).toBe(await encodeClassFragment(config()));
  });
});

describe('class config', () => {
  it('the overlay over a bundled scenario loads through the scenario validator', () => {
    const doc = classScenarioDocument(config());
    const r = loadScenarioObject(doc);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.company.cashUsd).toBe(200_000_000);
    const bad = loadScenarioObject(classScenarioDocument(config({ overlay: { company: { cashUsd: -5 } } })));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.some((e) => e.path.includes('company.cashUsd'))).toBe(true);
  });

  it('the overlay over a whole scenario file merges onto it', () => {
    const doc = classScenarioDocument(config({ scenario: { kind: 'file', value: bundledScenarios['default'] as Record<string, unknown> }, overlay: { company: { cashUsd: 1e8 } } }));
    const r = loadScenarioObject(doc);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.company.cashUsd).toBe(1e8);
  });

  it('an unchanged bundled scenario is loaded as itself; the overlay is written in the current scenario format', () => {
    expect(classScenarioSource(config({ overlay: {} }))).toEqual({ kind: 'bundled', id: 'default' });
    expect(classScenarioSource(config()).kind).toBe('scenarioObject');
    expect(OVERLAY_SCHEMA_VERSION).toBe(SCHEMA_VERSION);
  });

  it('refuses bad configs with the path', () => {
    const r = parseClassConfig({ ...config(), title: '   ', rules: { ...config().rules, attempts: 0 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.path)).toContain('title');
      expect(r.problems.map((p) => p.path)).toContain('rules.attempts');
    }
  });

  it('slugs titles for file names', () => {
    expect(classSlug('Finance 301 — Spring!')).toBe('finance-301-spring');
    expect(classSlug('金融 301')).toBe('金融-301');
    expect(classSlug('../../etc')).toBe('etc');
    expect(classSlug('***')).toBe('class');
  });
});
