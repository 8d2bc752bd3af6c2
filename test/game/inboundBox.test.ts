/** The map's inbound box lists a few orders and counts the rest: its height stays small however many orders a company has. */
import { describe, it, expect } from 'vitest';
import { inboundLayout, INBOUND_MAX_LINES } from '../../src/game/inboundBox.ts';
import { mapMsg } from '../../src/game/messages.ts';

describe('inbound & warehouse box', () => {
  it('lists at most a few orders and counts the rest; its height is that of the lines it draws', () => {
    const few = inboundLayout(2, 0);
    expect(few).toEqual({ shown: 2, more: 0, heightPx: 26 + 2 * 24 });
    // A growing company (default, leveraged, week 150 had 14 orders): the box had been 26 + 14 × 24 px tall over the region cards.
    const many = inboundLayout(14, 0);
    expect(many.shown).toBe(INBOUND_MAX_LINES);
    expect(many.more).toBe(14 - INBOUND_MAX_LINES);
    expect(many.heightPx).toBe(26 + INBOUND_MAX_LINES * 24 + 16);
    expect(inboundLayout(40, 0).heightPx).toBe(many.heightPx);
    expect(inboundLayout(0, 0)).toEqual({ shown: 0, more: 0, heightPx: 26 + 16 });
    // GPUs waiting for power add their strip of racks, 16 to a row.
    expect(inboundLayout(1, 17).heightPx).toBe(26 + 22 + 2 * 12 + 24);
  });
  it('the "+N more" line in both languages', () => {
    expect(mapMsg('en', 'map.moreOrders', { count: 11 })).toBe('+11 more orders (Fleet tab)');
    expect(mapMsg('zh-CN', 'map.moreOrders', { count: 11 })).toMatch(/^另有 11 笔订单/);
  });
});
