/**
 * The player's commands queued for this week (the snapshot's `queued`, i.e. the engine's pending
 * list), each in words with a Cancel button that withdraws it before its week runs
 * (`app.cancelQueued` → host → `cancelPending`). Hidden when nothing is queued.
 */
import { h, replace } from './dom.ts';
import { t, usd, int, price, loc, commandName, lang, labelled, inParens } from './i18n.ts';
import type { Snapshot } from '../store/snapshot.ts';
import type { Command } from '../engine/commands/types.ts';
import * as app from './app.ts';

/** A queued command in words: its name, then its figures with their units ("Order GPUs · 1,000 H100 · vendor financing"). */
export function queuedText(c: Command, s: Snapshot): string {
  const parts: string[] = [];
  const v = c as unknown as Record<string, unknown>;
  const gen = typeof v.modelId === 'string' ? s.market.gens.find((g) => g.modelId === v.modelId)?.name ?? v.modelId : null;
  if (typeof v.count === 'number') parts.push(`${int(v.count)}${gen ? ` ${gen}` : ''}`);
  else if (gen) parts.push(gen);
  if (typeof v.amountUsd === 'number') parts.push(usd(v.amountUsd));
  if (typeof v.regionId === 'string') parts.push(loc(s.regions.find((r) => r.id === v.regionId)?.name) || v.regionId);
  if (typeof v.powerMw === 'number') parts.push(`${v.powerMw} MW`);
  if (typeof v.rfpId === 'string') parts.push([...s.rfps, ...s.closedRfps].find((r) => r.id === v.rfpId)?.customerName ?? v.rfpId);
  if (typeof v.usdPerGpuHour === 'number') parts.push(`${price(v.usdPerGpuHour)} / GPU-hr`);
  if (typeof v.priceFactor === 'number') parts.push(`${v.priceFactor.toFixed(2)}×`);
  if (typeof v.usdPerWeek === 'number') parts.push(`${usd(v.usdPerWeek)} / ${t('weeksShort')}`);
  if (typeof v.years === 'number') parts.push(`${v.years} ${t('years')}`);
  if (typeof v.debtId === 'string') parts.push(v.debtId);
  if (v.vendorFinancing === true) parts.push(t('vendorFinancing'));
  return [commandName(c.type), ...parts].join(' · ');
}

export function queuedList(): { el: HTMLElement; update(s: Snapshot): void } {
  const el = h('section', { className: 'queued', id: 'queued', 'aria-labelledby': 'queued-h', hidden: true });
  let key = '';
  return {
    el,
    update(s) {
      const k = `${lang()}|${s.week}|${JSON.stringify(s.queued)}`;
      if (k === key) return;
      key = k;
      el.hidden = s.queued.length === 0 || s.over;
      if (el.hidden) { el.replaceChildren(); return; }
      replace(el,
        h('h2', { id: 'queued-h' }, `${t('queuedTitle')}${inParens(String(s.queued.length))}`),
        h('ul', null, s.queued.map((c, i) => {
          const text = queuedText(c, s);
          return h('li', { 'data-queued': i },
            h('span', null, text),
            h('button', { type: 'button', className: 'queued-cancel', 'data-key': `cancel-${s.week}-${i}`, 'aria-label': labelled(t('cancelQueued'), text), onclick: (e: Event) => {
              (e.currentTarget as HTMLButtonElement).disabled = true;
              void app.cancelQueued(i, text);
            } }, t('cancelQueued')));
        })),
      );
    },
  };
}
