/** A region's row of rival discs stays inside the map and above the legends, centred under its anchor when there is room. */
import { describe, it, expect } from 'vitest';
import { discRow, DISC_STEP_PX, DISC_ROW_OFFSET_PX, DISC_MAX_EXTENT_PX } from '../../src/game/discRow.ts';

const inside = (row: NonNullable<ReturnType<typeof discRow>>, w: number, bottom: number) =>
  row.box.x >= 0 && row.box.x + row.box.w <= w && row.box.y >= 0 && row.box.y + row.box.h <= bottom
  && row.xs.every((x) => x - DISC_MAX_EXTENT_PX >= row.box.x && x + DISC_MAX_EXTENT_PX <= row.box.x + row.box.w);

describe('rival disc row', () => {
  it('is centred under the anchor when it fits, one step apart', () => {
    const row = discRow(500, 200, 3, 1000, 600)!;
    expect(row.xs).toEqual([500 - DISC_STEP_PX, 500, 500 + DISC_STEP_PX]);
    expect(row.y).toBe(200 + DISC_ROW_OFFSET_PX);
    expect(row.icon.x).toBeLessThan(row.xs[0]! - DISC_MAX_EXTENT_PX);
    expect(inside(row, 1000, 600)).toBe(true);
  });
  it('moves right at the left edge and left at the right edge, keeping its spacing (five rivals at an anchor 20 px from either edge)', () => {
    for (const ax of [20, 980]) {
      const row = discRow(ax, 200, 5, 1000, 600)!;
      expect(inside(row, 1000, 600)).toBe(true);
      expect(row.xs.slice(1).map((x, i) => x - row.xs[i]!)).toEqual([DISC_STEP_PX, DISC_STEP_PX, DISC_STEP_PX, DISC_STEP_PX]);
    }
  });
  it('goes above the anchor when below it would run under the legends, and stays below when there is no room above', () => {
    const row = discRow(400, 590, 2, 1000, 600)!;
    expect(row.y).toBe(590 - DISC_ROW_OFFSET_PX);
    expect(inside(row, 1000, 600)).toBe(true);
    expect(discRow(400, 10, 2, 1000, 30)!.y).toBe(10 + DISC_ROW_OFFSET_PX);
  });
  it('goes above its anchor when below it would cover another region\'s row, and stays below when above is taken too', () => {
    const first = discRow(300, 200, 4, 1000, 600)!;
    // A region 40 px to the right and 15 px lower: its row below would overlap the first one.
    const second = discRow(340, 215, 3, 1000, 600, [first.box])!;
    expect(second.y).toBe(215 - DISC_ROW_OFFSET_PX);
    const hit = (a: typeof first.box, b: typeof first.box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    expect(hit(first.box, second.box)).toBe(false);
    // Without the other row it keeps its place below.
    expect(discRow(340, 215, 3, 1000, 600)!.y).toBe(215 + DISC_ROW_OFFSET_PX);
    // Both places taken: below, as before.
    const blocker = { x: 0, y: 0, w: 1000, h: 600 };
    expect(discRow(340, 215, 3, 1000, 600, [blocker])!.y).toBe(215 + DISC_ROW_OFFSET_PX);
  });
  it('moves sideways (at most 96 px) just clear of a row in its way when below and above are both taken', () => {
    const first = discRow(300, 200, 3, 1000, 600)!;
    const aboveTaken = { x: 0, y: 150, w: 1000, h: 40 };
    const second = discRow(330, 200, 3, 1000, 600, [first.box, aboveTaken])!;
    expect(second.y).toBe(200 + DISC_ROW_OFFSET_PX);
    expect(second.box.x).toBe(first.box.x + first.box.w);
    expect(Math.abs(second.box.x - discRow(330, 200, 3, 1000, 600)!.box.x)).toBeLessThanOrEqual(96);
  });
  it('has no row without rivals', () => {
    expect(discRow(400, 200, 0, 1000, 600)).toBeNull();
  });
});
