/**
 * The corpus of bad scenario files: each must be refused with an error at the exact path listed
 * in badCases.ts, pointing at the right line, without throwing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, formatErrors } from '../../src/scenario/load.ts';
import { BAD_CASES } from './badCases.ts';

const dir = join(import.meta.dirname, 'bad');

describe('bad scenario corpus', () => {
  it('has at least 40 files, each with an expectation', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(BAD_CASES.map((c) => c.file).sort()).toEqual(files);
  });

  for (const c of BAD_CASES) {
    it(`${c.file} → ${c.path || '(top level)'}`, () => {
      const text = readFileSync(join(dir, c.file), 'utf8');
      const r = loadScenarioText(text, { fileName: c.file });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const hit = r.errors.find((e) => e.path === c.path && c.message.test(e.message));
      expect(hit, `no error at ${c.path} matching ${c.message}; got:\n${formatErrors(r.errors, text, { fileName: c.file })}`).toBeDefined();
      if (c.line !== undefined) expect(hit?.line).toBe(c.line);
      // Every error is well formed, and the formatted text names the path.
      for (const e of r.errors) {
        expect(typeof e.path).toBe('string');
        expect(e.message.length).toBeGreaterThan(5);
      }
      const formatted = formatErrors(r.errors, text, { fileName: c.file });
      if (c.path !== '(file)' && c.path !== '') expect(formatted).toContain(c.path);
      if (hit?.line !== undefined) expect(formatted).toContain(`${c.file}:${hit.line}:`);
    });
  }
});

describe('limits', () => {
  it('refuses an oversized file by its size, before parsing it', () => {
    const big = `{"schemaVersion":1,"extends":"default","id":"big","lesson":{"teaching":{"glossary":[${Array.from({ length: 30000 }, () => '{"term":{"en":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},"definition":{"en":"yyyyyyyyyyyyyyyyyyyyyyyy"}}').join(',')}]}}}`;
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    // Refused by its size (the file-level error below), not after parsing and validating it; no
    // wall-clock limit (a busy machine decides durations).
    const r = loadScenarioText(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: '(file)', message: expect.stringMatching(/at most 2 MB/) });
  });

  it('refuses extreme nesting without a stack overflow', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    const r = loadScenarioText(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toMatch(/nested more than 40/);
  });

  it('caps the number of errors reported', () => {
    const gpus = Array.from({ length: 40 }, (_, i) => `{"modelId":"nope${i}","count":"x","ageWeeks":-1,"junk${i}":1}`).join(',');
    const r = loadScenarioText(`{"schemaVersion":1,"extends":"default","id":"many","company":{"gpus":[${gpus}]}}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBeLessThanOrEqual(201);
  });
});
