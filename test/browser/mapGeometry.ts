/**
 * Geometry checks of the world map in the page (issue 12 items 5 and 9): the region cards, the
 * inbound box and the texts drawn in them, as the scene reports them in `#map-regions[data-layout]`
 * (every text with its font; the widths are measured here, in the page, with a canvas of our own).
 */
import type { Page } from 'playwright-core';

/** Wait until the map has drawn the current week, in the current language, at the current size. */
export async function waitMapLayout(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const raw = document.getElementById('map-regions')?.dataset.layout;
    const world = document.getElementById('world');
    const n = (window as unknown as { neocloud: { snapshot(): { week: number } } }).neocloud;
    if (!raw || !world) return false;
    const l = JSON.parse(raw) as { lang: string; week: number; view: { w: number; h: number } };
    return l.lang === document.documentElement.lang && l.week === n.snapshot().week && Math.abs(l.view.w - world.clientWidth) < 1 && Math.abs(l.view.h - world.clientHeight) < 1;
  }, null, { timeout: 20_000, polling: 100 });
}

/**
 * Everything wrong with the map's layout now, in words (empty when none): two cards overlapping;
 * a card outside the map, under the ticker, the legends or the inbound box; a rival's disc past
 * the map's edge, under the legends or the open region card, or over another region's disc; a text wider or taller
 * than its card (or the inbound box); a region's name not drawn in full on its card; a region
 * button whose accessible name lacks the full name.
 */
export async function mapProblems(page: Page): Promise<string[]> {
  // Polled until the map has a layout to read: a re-render (a resize, a language change) builds a
  // fresh map element, without one until the map lays it out again — under load that can fall
  // between a `waitMapLayout` and this read (CI, 4 Dec: "undefined" is not valid JSON).
  const problems = await page.waitForFunction(() => {
    type R = { x: number; y: number; w: number; h: number };
    const raw = document.getElementById('map-regions')?.dataset.layout;
    if (!raw) return null;
    const l = JSON.parse(raw) as { cards: (R & { id: string })[]; discs: { regionId: string; x: number; y: number; r: number }[]; inbound: R; texts: { owner: string; s: string; x: number; y: number; size: number; font: string }[]; view: { w: number; h: number }; lang: string };
    const world = document.getElementById('world')!.getBoundingClientRect();
    const rel = (e: Element): R => { const r = e.getBoundingClientRect(); return { x: r.left - world.left, y: r.top - world.top, w: r.width, h: r.height }; };
    const hit = (a: R, b: R) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    const out: string[] = [];
    const cards = l.cards;
    const n = (window as unknown as { neocloud: { snapshot(): { regions: { id: string; name: Record<string, string> }[] } } }).neocloud.snapshot();
    for (let i = 0; i < cards.length; i++) {
      const a = cards[i]!;
      for (const b of cards.slice(i + 1)) if (hit(a, b)) out.push(`cards ${a.id} and ${b.id} overlap`);
      if (a.x < 0 || a.y < 0 || a.x + a.w > l.view.w || a.y + a.h > l.view.h) out.push(`card ${a.id} runs past the map (${Math.round(a.x)},${Math.round(a.y)} ${a.w}×${a.h} in ${l.view.w}×${l.view.h})`);
      if (hit(a, l.inbound)) out.push(`card ${a.id} under the inbound box`);
      const covers = [...document.querySelectorAll('#map-ticker, #world .legend, #rival-legend li, #region-detail')].filter((e) => (e as HTMLElement).offsetParent !== null && hit(a, rel(e)));
      if (covers.length) out.push(`card ${a.id} under ${covers.map((e) => e.id || e.className || e.textContent).join(', ')}`);
    }
    // Every rival disc (with its 3 px halo) inside the map, clear of the legends and the open region card.
    const overMap = [...document.querySelectorAll('#world .legend, #rival-legend li, #region-detail')].filter((e) => (e as HTMLElement).offsetParent !== null);
    const discBox = (d: { x: number; y: number; r: number }) => ({ x: d.x - d.r - 3, y: d.y - d.r - 3, w: 2 * (d.r + 3), h: 2 * (d.r + 3) });
    l.discs.forEach((d, i) => {
      for (const e of l.discs.slice(i + 1)) if (e.regionId !== d.regionId && Math.hypot(d.x - e.x, d.y - e.y) < d.r + e.r) out.push(`rival discs of ${d.regionId} and ${e.regionId} drawn over each other at (${Math.round(d.x)},${Math.round(d.y)})`);
    });
    for (const d of l.discs) {
      const box = discBox(d);
      const where = `${d.regionId}'s rival disc at (${Math.round(d.x)},${Math.round(d.y)})`;
      if (box.x < 0 || box.y < 0 || box.x + box.w > l.view.w || box.y + box.h > l.view.h) out.push(`${where} runs past the map (${l.view.w}×${l.view.h})`);
      const covers = overMap.filter((e) => hit(box, rel(e)));
      if (covers.length) out.push(`${where} under ${covers.map((e) => e.id || e.className || e.textContent).join(', ')}`);
    }
    const ctx = document.createElement('canvas').getContext('2d')!;
    for (const t of l.texts) {
      const box = t.owner === 'inbound' ? l.inbound : cards.find((c) => c.id === t.owner);
      if (!box) { out.push(`text "${t.s}" of unknown ${t.owner}`); continue; }
      ctx.font = t.font;
      const w = ctx.measureText(t.s).width;
      if (t.x < box.x + 2 || t.x + w > box.x + box.w - 2 + 0.5) out.push(`"${t.s}" (${Math.round(w)} px at ${Math.round(t.x - box.x)}) wider than ${t.owner} (${box.w} px)`);
      if (t.y < box.y + 2 || t.y + t.size * 1.2 > box.y + box.h - 1) out.push(`"${t.s}" below or above ${t.owner}`);
    }
    // Every text of the inbound box and of the cards lies apart from every other (no two drawn over each other).
    for (let i = 0; i < l.texts.length; i++) {
      const a = l.texts[i]!;
      ctx.font = a.font;
      const ra = { x: a.x, y: a.y, w: ctx.measureText(a.s).width, h: a.size * 1.1 };
      for (const b of l.texts.slice(i + 1)) {
        ctx.font = b.font;
        if (hit(ra, { x: b.x, y: b.y, w: ctx.measureText(b.s).width, h: b.size * 1.1 })) out.push(`"${a.s}" and "${b.s}" drawn over each other`);
      }
    }
    const lang = document.documentElement.lang;
    for (const c of cards) {
      const r = n.regions.find((x) => x.id === c.id)!;
      const name = r.name[lang] ?? r.name.en!;
      const drawn = l.texts.filter((t) => t.owner === c.id).map((t) => t.s).join('').replace(/\s/g, '');
      if (!drawn.includes(name.replace(/\s/g, ''))) out.push(`${c.id}: name "${name}" not drawn in full`);
      const label = document.querySelector(`.region-hit[data-region="${c.id}"]`)?.getAttribute('aria-label') ?? '';
      if (!label.includes(name)) out.push(`${c.id}: button's name lacks "${name}"`);
    }
    return out;
  }, null, { timeout: 20_000, polling: 100 }).catch((e: unknown) => {
    throw new Error(`#map-regions has no data-layout after 20 s (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  });
  return (await problems.jsonValue()) as string[];
}

/** The toasts on screen that overlap `form` (a selector), and how many toasts are shown. */
export async function toastsOverForm(page: Page, form: string): Promise<{ shown: number; over: number; focusInForm: boolean }> {
  return page.evaluate((sel) => {
    const f = document.querySelector(sel)!.getBoundingClientRect();
    const ts = [...document.querySelectorAll('#toasts .toast')].map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0);
    const over = ts.filter((r) => r.left < f.right && f.left < r.right && r.top < f.bottom && f.top < r.bottom).length;
    return { shown: ts.length, over, focusInForm: document.querySelector(sel)!.contains(document.activeElement) };
  }, form);
}
