/**
 * Toasts: short notices ("Queued: …", a refusal) in a polite live region, in a corner of the
 * window. They must never cover a form the player is using (issue 12: three toasts sat over the
 * Bid form in the side panel). On the game screen they sit at the bottom left, over the news and
 * the map's foot, away from the decision panels (style.css); and whenever a form has the focus,
 * the stack moves to the first corner where it does not overlap that form — checked when the focus
 * moves, when a toast comes or goes, and when the window is resized.
 */
import { h, replace } from './dom.ts';
import { store } from '../store/ui.ts';

/** The corners the stack can take, in the order tried. */
export type Corner = 'bl' | 'br' | 'tl' | 'tr';
const CORNERS: Corner[] = ['bl', 'br', 'tl', 'tr'];
/** Gap to the window's edge (px); at the top the stack keeps below the top bar. */
const EDGE_PX = 16;
const TOP_PX = 64;

interface Box { left: number; top: number; right: number; bottom: number }

const intersects = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The form (or form-like group) holding the focus, if any. */
function focusedForm(): HTMLElement | null {
  const a = document.activeElement;
  if (!(a instanceof HTMLElement) || a === document.body) return null;
  return a.closest<HTMLElement>('form, .form, [role="form"], fieldset');
}

/** Where a stack `w` × `h` px would be at `corner` of a `vw` × `vh` window. */
export function cornerBox(corner: Corner, w: number, hgt: number, vw: number, vh: number): Box {
  const left = corner.endsWith('l') ? EDGE_PX : vw - EDGE_PX - w;
  const top = corner.startsWith('b') ? vh - EDGE_PX - hgt : TOP_PX;
  return { left, top, right: left + w, bottom: top + hgt };
}

/** The first corner (default first) where the stack keeps clear of `avoid`; the default when none does. */
export function pickCorner(def: Corner, w: number, hgt: number, vw: number, vh: number, avoid: Box | null): Corner {
  if (!avoid) return def;
  const order = [def, ...CORNERS.filter((c) => c !== def)];
  return order.find((c) => !intersects(cornerBox(c, w, hgt, vw, vh), avoid)) ?? def;
}

/** Mount the toast stack on `document.body`; it follows `store.toasts`. */
export function mountToasts(): HTMLElement {
  const el = h('div', { className: 'toasts', 'aria-live': 'polite', role: 'status', id: 'toasts' });
  document.body.append(el);
  let queued = false;
  const place = () => {
    queued = false;
    const form = focusedForm();
    // The default corner comes from the stylesheet (bottom left on the game screen).
    el.removeAttribute('data-corner');
    if (!form || el.childElementCount === 0) return;
    const r = el.getBoundingClientRect();
    const def: Corner = r.left < window.innerWidth / 2 ? 'bl' : 'br';
    const corner = pickCorner(def, r.width, r.height, window.innerWidth, window.innerHeight, form.getBoundingClientRect());
    if (corner !== def) el.dataset.corner = corner;
  };
  // After the browser has laid out the change (a new toast's height, the focused form's size).
  const schedule = () => { if (!queued) { queued = true; requestAnimationFrame(place); } };
  store.subscribe((s, p) => {
    if (s.toasts === p.toasts) return;
    replace(el, s.toasts.map((x) => h('div', { className: 'toast ' + x.kind }, x.text)));
    place();
  });
  document.addEventListener('focusin', schedule);
  document.addEventListener('focusout', schedule);
  window.addEventListener('resize', schedule);
  return el;
}
