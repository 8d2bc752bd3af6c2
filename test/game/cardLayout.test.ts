/**
 * The map's region cards late in a game (issue 12 items 5/9): placed without overlap where there is
 * room, drawn smaller when there is not, every line broken to fit its card, names never cut.
 * Widths are measured with a fixed-pitch stand-in (6 px a character at 10 px, CJK twice that).
 */
import { describe, it, expect } from 'vitest';
import { placeCards, arrangeCards, wrapText, overlaps, positions, CARD_GAP_PX, type Rect, type CardSpec } from '../../src/game/cardLayout.ts';
import { fullCard, markerCard, CARD_MIN_W, CARD_MAX_W, type FullCardInput, type MeasureFont } from '../../src/game/cardModel.ts';
import { mapMsg } from '../../src/game/messages.ts';
import { pickCorner, cornerBox } from '../../src/ui/toasts.ts';

const measure: MeasureFont = (s, size) => [...s].reduce((a, ch) => a + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1.2 : 0.6) * size, 0);
const m10 = (s: string) => measure(s, 10, false);

function input(over: Partial<FullCardInput> = {}): FullCardInput {
  return {
    name: 'Texas', kinds: ['siteColo'], line: '$66/MWh · 56,330 GPUs', curtailed: null, racks: 14, litRacks: 12, noGpus: 'no GPUs installed',
    builds: [], buildingMore: (n) => mapMsg('en', 'map.buildingMore', { count: n }), buildingCount: (n) => mapMsg('en', 'map.buildingCount', { count: n }),
    meterText: '61.4/83 MW', meterShare: 0.74, rentedText: '96% rented', rentedShare: 0.96, ...over,
  };
}

/** Every text op of a model lies inside the card (2 px in from each side). */
function textsInside(model: ReturnType<typeof fullCard>): string[] {
  return model.ops.flatMap((op) => op.t === 'text' && (op.dx < 2 || op.dx + measure(op.s, op.size, op.bold) > model.w - 2 || op.dy + op.size * 1.2 > model.h - 1) ? [op.s] : []);
}

describe('wrapText', () => {
  it('breaks between " · " parts, never between a number and its unit', () => {
    const s = 'BUILDING colocation · 47.2 MW · 80%';
    const lines = wrapText(s, 144, m10);
    expect(lines).toEqual(['BUILDING colocation ·', '47.2 MW · 80%']);
    // A plain word wrap would have left "47.2" at the end of a line and "MW · 80%" on the next.
    expect(wrapText(s, 170, m10)).toEqual(['BUILDING colocation ·', '47.2 MW · 80%']);
    expect(lines.every((l) => m10(l) <= 144)).toBe(true);
    expect(wrapText(s, 400, m10)).toEqual([s]);
  });
  it('breaks words at spaces and CJK between characters; a word wider than the line is split, never dropped', () => {
    expect(wrapText('Nevada and Oregon', 70, m10)).toEqual(['Nevada and', 'Oregon']);
    const zh = wrapText('建设中 带电站点 · 22.4 MW · 62%', 90, m10);
    expect(zh.every((l) => m10(l) <= 90)).toBe(true);
    expect(zh.join('').replace(/[\s·]/g, '')).toBe('建设中带电站点22.4MW62%');
    const long = wrapText('Supercalifragilistic', 60, m10);
    expect(long.join('')).toBe('Supercalifragilistic');
    expect(long.every((l) => m10(l) <= 60)).toBe(true);
  });
});

describe('region card model', () => {
  it('is as wide as its name needs (a long name wraps past the widest card) and every text fits it', () => {
    const short = fullCard(input(), 0, measure);
    expect(short.w).toBe(CARD_MIN_W);
    const nv = fullCard(input({ name: 'Nevada and Oregon', kinds: ['siteColo', 'sitePowered'] }), 0, measure);
    expect(nv.w).toBeGreaterThan(CARD_MIN_W);
    expect(textsInside(nv)).toEqual([]);
    const huge = fullCard(input({ name: 'The Very Long Region Name of Somewhere Far Away' }), 0, measure);
    expect(huge.w).toBe(CARD_MAX_W);
    const names = huge.ops.filter((o) => o.t === 'text' && o.size === 13).map((o) => (o.t === 'text' ? o.s : ''));
    expect(names.length).toBeGreaterThan(1);
    expect(names.join(' ')).toBe('The Very Long Region Name of Somewhere Far Away');
    expect(textsInside(huge)).toEqual([]);
  });
  it('a building line that overflowed the old card ("BUILDING colocation · 12 MW · 99%") wraps inside it, and the card grows to hold it', () => {
    const one = fullCard(input({ builds: [{ label: 'BUILDING colocation · 12 MW · 99%', progress: 0.99 }] }), 0, measure);
    const none = fullCard(input(), 0, measure);
    expect(textsInside(one)).toEqual([]);
    expect(one.h).toBeGreaterThan(none.h + 20);
  });
  it('lists two sites being built and counts the rest; smaller levels list fewer and draw smaller racks, then a bar', () => {
    const builds = Array.from({ length: 5 }, (_, i) => ({ label: `BUILDING colocation · ${i + 1} MW · 50%`, progress: 0.5 }));
    const texts = (d: 0 | 1 | 2) => fullCard(input({ builds, racks: 40 }), d, measure).ops.flatMap((o) => (o.t === 'text' ? [o.s] : []));
    expect(texts(0)).toContain('+3 more being built');
    expect(texts(1)).toContain('+4 more being built');
    expect(texts(2)).toContain('Sites being built: 5');
    const h = ([0, 1, 2] as const).map((d) => fullCard(input({ builds, racks: 40 }), d, measure).h);
    expect(h[0]).toBeGreaterThan(h[1]!);
    expect(h[1]).toBeGreaterThan(h[2]!);
    expect(fullCard(input({ builds, racks: 40 }), 2, measure).ops.some((o) => o.t === 'racks')).toBe(false);
    // Level 3 (a region card open beside a late game at 1280×720): the power meter alone.
    const bare = fullCard(input({ builds, racks: 40 }), 3, measure);
    expect(bare.h).toBeLessThan(h[2]!);
    expect(bare.ops.map((o) => o.t)).toEqual(['icon', 'text', 'text', 'text', 'meter']);
    for (const d of [0, 1, 2, 3] as const) expect(textsInside(fullCard(input({ builds, racks: 40, name: 'Nevada and Oregon' }), d, measure))).toEqual([]);
  });
  it('a marker card holds its name and price (and CURTAILED on a second line when there is no room)', () => {
    const mk = markerCard('Northern Virginia', '$89/MWh', 'CURTAILED', measure);
    expect(mk.ops.filter((o) => o.t === 'text')).toHaveLength(3);
    for (const o of mk.ops) if (o.t === 'text') expect(o.dx + measure(o.s, o.size, o.bold)).toBeLessThanOrEqual(mk.w - 2);
  });
});

describe('placeCards', () => {
  const area: Rect = { x: 8, y: 8, w: 800, h: 300 };
  it('four full cards around close anchors (the US regions at 1280×720) find places apart from each other and the inbound box', () => {
    const inbound = { x: 570, y: 10, w: 230, h: 110 };
    const cards = [
      { id: 'us-texas', ax: 220, ay: 250, w: 162, h: 120 },
      { id: 'us-virginia', ax: 310, ay: 220, w: 162, h: 100 },
      { id: 'us-west', ax: 116, ay: 210, w: 190, h: 100 },
      { id: 'europe-nordics', ax: 636, ay: 140, w: 162, h: 130 },
    ];
    const r = placeCards(cards, area, [inbound], [])!;
    expect(r).not.toBeNull();
    for (let i = 0; i < r.length; i++) {
      expect(overlaps(r[i]!, inbound, CARD_GAP_PX)).toBe(false);
      expect(r[i]!.x).toBeGreaterThanOrEqual(area.x);
      expect(r[i]!.y + r[i]!.h).toBeLessThanOrEqual(area.y + area.h);
      for (let j = i + 1; j < r.length; j++) expect(overlaps(r[i]!, r[j]!, CARD_GAP_PX)).toBe(false);
    }
    // Each card stays beside its own region: the nearest free spot (Nordics below the inbound box, by its anchor).
    expect(Math.abs(r[3]!.x - (636 + 18))).toBeLessThan(200);
  });
  it('returns null when the cards cannot all fit (the scene then draws them smaller), and with overlaps allowed still places each inside', () => {
    const big = Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, ax: 100 + i * 10, ay: 150, w: 300, h: 200 }));
    expect(placeCards(big, area, [], [])).toBeNull();
    const r = placeCards(big, area, [], [], true)!;
    expect(r).toHaveLength(6);
    for (const c of r) expect(c.x >= area.x && c.y >= area.y && c.x + c.w <= area.x + area.w && c.y + c.h <= area.y + area.h).toBe(true);
  });
  it('keeps off soft obstacles (anchors, rival discs) when a free spot exists', () => {
    const disc = { x: 230, y: 140, w: 100, h: 30 };
    const [r] = placeCards([{ id: 'a', ax: 200, ay: 150, w: 160, h: 80 }], area, [], [disc])!;
    expect(overlaps(r!, disc)).toBe(false);
  });
});

/**
 * The placement rule written plainly: every candidate (grid order: rows top to bottom, each left to
 * right) that is inside, clear of the hard obstacles and (unless allowed) of the cards before; cost =
 * distance to the nearer preferred spot + 5000 per soft obstacle covered (+ 50,000 per card
 * overlapped); the cheapest, ties to the first. placeCards skips rows and blocked stretches: it must
 * pick the same spot.
 */
function placeByTestingEvery(cards: CardSpec[], area: Rect, hard: Rect[], soft: Rect[], allowOverlap: boolean): Rect[] | null {
  const placed: Rect[] = [];
  for (const c of cards) {
    const right = { x: c.ax + 18, y: c.ay - c.h / 2 };
    const left = { x: c.ax - 18 - c.w, y: right.y };
    const xs = positions(area.x, area.x + area.w - c.w, right.x);
    if (left.x > area.x && left.x < area.x + area.w - c.w) xs.push(left.x);
    const ys = positions(area.y, area.y + area.h - c.h, right.y);
    let best: Rect | null = null;
    let bestCost = Infinity;
    ys.forEach((y) => xs.forEach((x) => {
      const r = { x, y, w: c.w, h: c.h };
      if (hard.some((o) => overlaps(r, o, CARD_GAP_PX))) return;
      const over = placed.filter((o) => overlaps(r, o, CARD_GAP_PX)).length;
      if (over > 0 && !allowOverlap) return;
      const d = Math.min(Math.hypot(x - right.x, y - right.y), Math.hypot(x - left.x, y - left.y) + 12);
      const cost = d + over * 50_000 + soft.filter((o) => overlaps(r, o)).length * 5000;
      if (cost < bestCost) { bestCost = cost; best = r; }
    }));
    if (!best) {
      if (!allowOverlap) return null;
      best = { x: Math.max(area.x, Math.min(right.x, area.x + area.w - c.w)), y: Math.max(area.y, Math.min(right.y, area.y + area.h - c.h)), w: c.w, h: c.h };
    }
    placed.push(best);
  }
  return placed;
}

describe('placeCards picks the spot the rule names', () => {
  it('the same spots as testing every candidate, on 300 random maps (obstacles, crowded cards, overlaps allowed or not)', () => {
    let seed = 11;
    const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    let nulls = 0;
    for (let t = 0; t < 300; t++) {
      const area = { x: 8, y: 8, w: 400 + rnd() * 1100, h: 200 + rnd() * 600 };
      const cards = Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, i) => ({ id: `r${i}`, ax: Math.round(rnd() * area.w), ay: Math.round(rnd() * area.h), w: 100 + Math.round(rnd() * 180), h: Math.round(40 + rnd() * 220) }));
      const hard = Array.from({ length: Math.floor(rnd() * 4) }, () => ({ x: rnd() * area.w, y: rnd() * area.h, w: 40 + rnd() * 300, h: 20 + rnd() * 200 }));
      const soft = Array.from({ length: Math.floor(rnd() * 8) }, () => ({ x: rnd() * area.w, y: rnd() * area.h, w: 20 + rnd() * 120, h: 18 + rnd() * 10 }));
      for (const allow of [false, true]) {
        const want = placeByTestingEvery(cards, area, hard, soft, allow);
        if (!want) nulls++;
        expect(placeCards(cards, area, hard, soft, allow), `map ${t}, overlaps ${allow ? 'allowed' : 'not allowed'}`).toEqual(want);
      }
    }
    expect(nulls, 'some maps had no room (the null path is exercised)').toBeGreaterThan(10);
  });
});

describe('arrangeCards', () => {
  // Week 300 at 1280×720 in the browser (sizes and anchors from the page): greedy largest-first
  // leaves a card 83 px from its region (and in the page, with the rivals' discs, one 450 px east of
  // it). Trying a few orders, and smaller racks, keeps every card by its region.
  const area: Rect = { x: 8, y: 8, w: 802, h: 326 };
  const hard = [{ x: 578, y: 10, w: 230, h: 114 }, { x: 10, y: 10, w: 348, h: 40 }];
  const cards = (s: number) => [
    { id: 'us-virginia', ax: 311, ay: 239, w: 190, h: 116 * s },
    { id: 'us-texas', ax: 220, ay: 269, w: 162, h: 165 * s },
    { id: 'us-west', ax: 116, ay: 229, w: 208, h: 103 * s },
    { id: 'europe-nordics', ax: 636, ay: 158, w: 162, h: 165 * s },
  ];
  const leader = (c: { ax: number; ay: number }, r: Rect) => Math.hypot(Math.max(r.x - c.ax, 0, c.ax - r.x - r.w), Math.max(r.y - c.ay, 0, c.ay - r.y - r.h));
  it('places every card apart, and each nearer its region than largest-first alone does', () => {
    const got = arrangeCards([cards(1), cards(0.8), cards(0.55)], area, hard, []);
    const cs = cards([1, 0.8, 0.55][got.detail]!);
    for (let i = 0; i < cs.length; i++) for (let j = i + 1; j < cs.length; j++) expect(overlaps(got.rects[i]!, got.rects[j]!, CARD_GAP_PX)).toBe(false);
    const worst = Math.max(...cs.map((c, i) => leader(c, got.rects[i]!)));
    const byArea = [...cards(1).keys()].sort((i, j) => cards(1)[j]!.w * cards(1)[j]!.h - cards(1)[i]!.w * cards(1)[i]!.h);
    const greedy = placeCards(byArea.map((i) => cards(1)[i]!), area, hard, []);
    const greedyWorst = greedy ? Math.max(...byArea.map((i, k) => leader(cards(1)[i]!, greedy[k]!))) : Infinity;
    expect(greedyWorst).toBeGreaterThan(80);
    expect(worst).toBeLessThan(60);
  });
  it('draws a card smaller rather than over a row of rival discs (week 300 at 1280×720: Nordics over V and M)', () => {
    const discs = { x: 100, y: 90, w: 100, h: 30 };
    const got = arrangeCards([[{ id: 'n', ax: 150, ay: 60, w: 280, h: 180 }], [{ id: 'n', ax: 150, ay: 60, w: 120, h: 70 }]], { x: 0, y: 0, w: 300, h: 200 }, [], [discs]);
    expect(got.detail).toBe(1);
    expect(overlaps(got.rects[0]!, discs)).toBe(false);
  });
  it('draws the cards smaller when the full ones do not fit, and overlaps only as a last resort', () => {
    const tiny: Rect = { x: 0, y: 0, w: 420, h: 260 };
    const got = arrangeCards([cards(1), cards(0.8), cards(0.55)], tiny, [], []);
    expect(got.detail).toBeGreaterThan(0);
    const none = arrangeCards([cards(3), cards(3)], tiny, [], []);
    expect(none.detail).toBe(1);
    expect(none.rects).toHaveLength(4);
  });
});

describe('toasts keep off a focused form', () => {
  it('pick the first corner clear of the form (bottom left first on the game screen)', () => {
    const vw = 1280, vh = 720, w = 400, h = 160;
    // The Bid form in the side panel (right column): bottom left is clear.
    expect(pickCorner('bl', w, h, vw, vh, { left: 840, top: 400, right: 1260, bottom: 700 })).toBe('bl');
    // A form at the bottom left (a narrow window): the stack moves to the bottom right.
    expect(pickCorner('bl', w, h, vw, vh, { left: 0, top: 500, right: 600, bottom: 720 })).toBe('br');
    // A form across the whole bottom: a top corner.
    const c = pickCorner('br', w, h, vw, vh, { left: 0, top: 400, right: 1280, bottom: 720 });
    expect(c.startsWith('t')).toBe(true);
    expect(cornerBox(c, w, h, vw, vh).bottom).toBeLessThanOrEqual(400);
    expect(pickCorner('br', w, h, vw, vh, null)).toBe('br');
  });
});
