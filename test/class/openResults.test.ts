/**
 * The class debrief opens a student's run through `openResults` (src/store/sim.ts). A file it
 * cannot open comes back with its reason as an id, so the debrief says why in the teacher's
 * language — not in the parser's English.
 */
import { describe, expect, it } from 'vitest';
import { openResults } from '../../src/store/sim.ts';
import { whyOne } from '../../src/class/why.ts';
import { englishWords } from './helpers.ts';

describe('openResults: a file that cannot be opened says why as a message id', () => {
  const cases: [string, string, string][] = [
    ['not JSON', '{"format": "neocloud-result", ', 'notJson'],
    ['not an object', '[1, 2, 3]', 'notObject'],
    ['another kind of file', JSON.stringify({ format: 'something-else', version: 1 }), 'otherFormat'],
  ];
  for (const [name, text, id] of cases) {
    it(name, () => {
      const [opened] = openResults([text], true);
      expect(opened?.ok).toBe(false);
      if (!opened || opened.ok) return;
      expect(opened.why.id).toBe(id);
      expect(opened.reason).toBe(whyOne(opened.why, 'en'));
      const zh = whyOne(opened.why, 'zh-CN');
      expect(zh).not.toBe(opened.reason);
      expect(englishWords(zh)).toEqual([]);
    });
  }
});
