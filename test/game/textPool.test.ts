/** The map's text pool changes as few Text objects as possible between redraws. */
import { describe, it, expect } from 'vitest';
import { assignTexts } from '../../src/game/textPool.ts';

const f = (item: string, style: string, text: string) => ({ item, style, key: `${style}|${text}` });
const r = (style: string, text: string) => ({ style, key: `${style}|${text}` });

describe('assignTexts', () => {
  it('reuses identical texts as they are, even when a changed text comes first in the request order', () => {
    const free = [f('a', 's10', 'week 5'), f('b', 's10', 'Texas'), f('c', 's12', 'INBOUND')];
    // "week 6" is new; the old pool would have taken the last free object ("INBOUND", another style) or "Texas".
    const plan = assignTexts(free, [r('s10', 'week 6'), r('s10', 'Texas'), r('s12', 'INBOUND')]);
    expect(plan.map((p) => [p.item, p.change])).toEqual([['a', 'text'], ['b', 'same'], ['c', 'same']]);
  });

  it('prefers an object of the same style for a new text; restyles only when none is free; creates when the pool is empty', () => {
    const free = [f('a', 's12', 'x'), f('b', 's10', 'y')];
    const plan = assignTexts(free, [r('s10', 'z'), r('s9', 'w'), r('s9', 'v')]);
    expect(plan.map((p) => [p.item, p.change])).toEqual([['b', 'text'], ['a', 'style'], [null, 'new']]);
  });

  it('never hands one object to two requests', () => {
    const free = [f('a', 's', 't'), f('b', 's', 't')];
    const plan = assignTexts(free, [r('s', 't'), r('s', 't'), r('s', 't')]);
    expect(plan.map((p) => p.item)).toEqual(['b', 'a', null]);
  });
});
