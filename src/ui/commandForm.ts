/**
 * A command form: fields → a Command → the engine's preview (cost, effect, or why it is refused)
 * shown live → Confirm queues it for the next tick. Every decision panel is built from these.
 */
import { h, replace } from './dom.ts';
import { t, usd, num } from './i18n.ts';
import * as app from './app.ts';
import type { Command, CommandResult } from '../engine/commands/types.ts';

export interface Option { value: string; label: string }
export type Field =
  | { name: string; label: string; kind: 'number'; value: number; min?: number; max?: number; step?: number; hint?: string }
  | { name: string; label: string; kind: 'select'; options: () => Option[]; value?: string }
  | { name: string; label: string; kind: 'check'; value: boolean };

export type Values = Record<string, string | number | boolean>;

export interface CommandForm {
  el: HTMLElement;
  /** Re-read option lists and refresh the preview (the world changed). */
  refresh(): void;
  set(name: string, value: string | number | boolean): void;
}

let formSeq = 0;

function formatDetail(k: string, v: number | string): string {
  if (typeof v === 'string') return v;
  if (/Usd$/i.test(k)) return usd(v, 2);
  if (/Pct$/i.test(k)) return v.toFixed(2) + '%';
  if (/share$/i.test(k) && Math.abs(v) <= 1) return (v * 100).toFixed(1) + '%';
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return num(v, 2);
}

function humanKey(k: string): string {
  return k.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()).replace(/ Usd$/, ' (USD)').replace(/ Pct$/, ' (%)');
}

export function commandForm(opts: { id: string; title: string; fields: Field[]; build: (v: Values) => Command | null; intro?: string; confirmLabel?: string }): CommandForm {
  const n = ++formSeq;
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const previewEl = h('div', { className: 'preview', 'aria-live': 'polite', id: `${opts.id}-preview`, 'data-testid': `${opts.id}-preview` }, t('preview') + '…');
  const confirm = h('button', { type: 'submit', className: 'primary', disabled: true, id: `${opts.id}-confirm`, 'data-key': `${opts.id}-confirm` }, opts.confirmLabel ?? t('confirm'));
  let timer = 0;
  let token = 0;

  const fieldEls = opts.fields.map((f) => {
    const fid = `f${n}-${f.name}`;
    let input: HTMLInputElement | HTMLSelectElement;
    if (f.kind === 'number') {
      input = h('input', { type: 'number', id: fid, name: f.name, value: f.value, min: f.min ?? null, max: f.max ?? null, step: f.step ?? 'any', inputmode: 'decimal', 'data-key': fid });
      if (f.hint) input.setAttribute('aria-describedby', `${fid}-hint`);
    } else if (f.kind === 'select') {
      input = h('select', { id: fid, name: f.name, 'data-key': fid });
      fillSelect(input as HTMLSelectElement, f.options(), f.value);
    } else {
      input = h('input', { type: 'checkbox', id: fid, name: f.name, checked: f.value, 'data-key': fid });
      inputs.set(f.name, input);
      return h('label', { className: 'check', for: fid }, input, f.label);
    }
    inputs.set(f.name, input);
    return h('label', { for: fid }, f.label, input, f.kind === 'number' && f.hint ? h('span', { id: `${fid}-hint`, className: 'muted' }, f.hint) : null);
  });

  function values(): Values {
    const v: Values = {};
    for (const f of opts.fields) {
      const el = inputs.get(f.name)!;
      if (f.kind === 'number') v[f.name] = Number((el as HTMLInputElement).value);
      else if (f.kind === 'check') v[f.name] = (el as HTMLInputElement).checked;
      else v[f.name] = el.value;
    }
    return v;
  }

  function show(r: CommandResult | null, message?: string): void {
    if (!r) {
      previewEl.className = 'preview';
      replace(previewEl, message ?? '');
      confirm.disabled = true;
      return;
    }
    if (r.ok) {
      previewEl.className = 'preview ok';
      const details = Object.entries(r.details);
      replace(previewEl,
        h('div', { className: 'head' }, r.summary),
        h('dl', null,
          h('dt', null, t('cashNow')), h('dd', { className: r.cashNowUsd < 0 ? 'neg' : r.cashNowUsd > 0 ? 'pos' : '' }, usd(r.cashNowUsd, 2)),
          details.map(([k, v]) => [h('dt', null, humanKey(k)), h('dd', null, formatDetail(k, v))]),
        ),
      );
      confirm.disabled = false;
    } else {
      previewEl.className = 'preview bad';
      replace(previewEl, h('div', { className: 'head' }, t('refused')), r.reason);
      confirm.disabled = true;
    }
  }

  async function runPreview(): Promise<void> {
    const my = ++token;
    const cmd = opts.build(values());
    if (!cmd) { show(null, '—'); return; }
    const r = await app.preview(cmd);
    if (my !== token) return;
    show(r);
  }
  function schedule(): void {
    clearTimeout(timer);
    timer = window.setTimeout(() => void runPreview(), 120);
  }

  const form = h('form', { className: 'form', id: opts.id, 'aria-labelledby': `${opts.id}-title`, novalidate: true },
    h('h3', { id: `${opts.id}-title` }, opts.title),
    opts.intro ? h('p', { className: 'muted m0' }, opts.intro) : null,
    h('div', { className: 'fields' + (opts.fields.length >= 3 ? ' three' : '') }, fieldEls),
    previewEl,
    h('div', { className: 'buttons' }, confirm),
  );
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const cmd = opts.build(values());
    if (!cmd) return;
    confirm.disabled = true;
    const r = await app.issue(cmd);
    if (r.ok) app.toast(`${t('queued')}: ${r.summary}`, 'ok');
    else app.toast(`${t('refused')}: ${r.reason}`, 'error');
    show(r.ok ? null : r, r.ok ? `${t('queued')}: ${r.summary}` : undefined);
    window.setTimeout(() => void runPreview(), 400);
  });
  void runPreview();

  return {
    el: form,
    refresh() {
      for (const f of opts.fields) {
        if (f.kind === 'select') fillSelect(inputs.get(f.name) as HTMLSelectElement, f.options());
      }
      if (document.activeElement && form.contains(document.activeElement) && document.activeElement !== confirm) return;
      schedule();
    },
    set(name, value) {
      const el = inputs.get(name);
      if (!el) return;
      if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = Boolean(value);
      else el.value = String(value);
      schedule();
    },
  };
}

function fillSelect(sel: HTMLSelectElement, options: Option[], wanted?: string): void {
  const cur = wanted ?? sel.value;
  const same = sel.options.length === options.length && options.every((o, i) => sel.options[i]!.value === o.value && sel.options[i]!.text === o.label);
  if (same) return;
  sel.replaceChildren(...options.map((o) => h('option', { value: o.value }, o.label)));
  if (options.some((o) => o.value === cur)) sel.value = cur;
}
