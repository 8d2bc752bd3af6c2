/**
 * The guided first quarter speaks through the one message table: every step of the guide has an
 * English and a Chinese text (the Chinese without English words, names and units aside), every
 * `guide.*` id the guide renders exists, and src/ui/onboarding.ts writes no text of its own.
 * (Switching language mid-guide is played in test/browser/firsthour.test.ts.)
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { EN_MESSAGES, ZH_MESSAGES } from '../../src/i18n/messages.ts';
import { render } from '../../src/i18n/render.ts';
import { GUIDE_STEPS } from '../../src/i18n/guideMessages.ts';

const TABLES = { en: EN_MESSAGES, zh: ZH_MESSAGES };
const CJK = /[\u3400-\u9fff]/;
/** Latin words a Chinese guide text may keep: products, units, amounts as typed. */
const LATIN_OK = new Set(['GPU', 'M']);
const SOURCE = readFileSync('src/ui/onboarding.ts', 'utf8');

describe('the guide in the message table', () => {
  it('has six steps, each with an English and a Chinese text and short name', () => {
    expect(GUIDE_STEPS.length).toBe(6);
    for (const id of GUIDE_STEPS) {
      const en = EN_MESSAGES[`guide.step.${id}`];
      const zh = ZH_MESSAGES[`guide.step.${id}`];
      expect(en, id).toMatch(/^[A-Z][^\u3400-\u9fff]{20,}$/);
      expect(zh, id).toMatch(CJK);
      expect(zh).not.toBe(en);
      const latin = (zh!.match(/[A-Za-z]+/g) ?? []).filter((w) => !LATIN_OK.has(w));
      expect(latin, `${id}: ${zh}`).toEqual([]);
      // The short name a step taken is listed by.
      expect(EN_MESSAGES[`guide.short.${id}`], id).toMatch(/^[A-Z][A-Za-z]+ [a-z]+$/);
      expect(ZH_MESSAGES[`guide.short.${id}`], id).toMatch(CJK);
    }
  });

  it('renders the progress with its counts in both languages', () => {
    expect(render('en', TABLES, 'guide.progress', { done: 2, total: 6 })).toBe('2 / 6 steps done');
    expect(render('zh-CN', TABLES, 'guide.progress', { done: 2, total: 6 })).toBe('已完成 2 / 6 步');
  });

  it('every guide id the guide renders exists in both languages, and onboarding.ts holds no text of its own', () => {
    const ids = [...SOURCE.matchAll(/msg\(['`](guide\.[\w.]+)/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) if (!id.endsWith('.')) { expect(EN_MESSAGES[id], id).toBeDefined(); expect(ZH_MESSAGES[id], id).toBeDefined(); }
    expect(SOURCE).toMatch(/msg\(`guide\.step\.\$\{id\}`\)/);
    // No Chinese text and no `en:` / `zh:` pairs written in the guide's code.
    expect(SOURCE).not.toMatch(CJK);
    expect(SOURCE).not.toMatch(/\bzh:\s*'/);
  });
});
