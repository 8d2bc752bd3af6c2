/**
 * A command form: fields → a Command → the engine's preview (cost, effect, or why it is refused)
 * shown live → Confirm queues it for the next tick. Every decision panel is built from these.
 */
import { h, replace } from './dom.ts';
import { t, usd, num, int, price, lang, labelled } from './i18n.ts';
import * as app from './app.ts';
import { msgText } from './advice.ts';
import type { Command, CommandResult } from '../engine/commands/types.ts';

export interface Option { value: string; label: string }
export type Field =
  | { name: string; label: string; kind: 'number'; value: number; min?: number; max?: number; step?: number; hint?: string }
  /** A money amount typed as text: accepts 100M, 2.5B, 750k, 1,000,000. */
  | { name: string; label: string; kind: 'amount'; value: number; hint?: string }
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

/** Preview detail keys in words, with their unit (English, Chinese). Unknown keys fall back to words from the key. */
const DETAIL_LABELS: Record<string, [string, string]> = {
  shares: ['New shares', '新股数'], priceUsd: ['Price', '价格'], unitPriceUsd: ['Price per GPU', '每块 GPU 价格'], preMoneyUsd: ['Pre-money valuation', '投前估值'],
  privateDiscountPct: ['Private-round discount (included)', '私募折价（已计入）'],
  feeUsd: ['Fees', '费用'], dilutionPct: ['Dilution', '稀释'], weeklyRentUsd: ['Rent per week', '每周租金'], readyInWeeks: ['Ready in', '就绪时间'],
  ratePct: ['Interest rate', '利率'], spreadPct: ['Spread over base rate', '基准利率之上的利差'], termWeeks: ['Term', '期限'], couponPct: ['Coupon', '票面利率'],
  years: ['Depreciation life', '折旧年限'], priceFactor: ['Price vs market', '相对市场价'], usdPerWeek: ['Spend per week', '每周支出'], remainingUsd: ['Still owed', '剩余欠款'],
  powerMw: ['Power', '电力'], gpuCount: ['GPUs', 'GPU 数'], totalUsd: ['Total', '总计'], depositUsd: ['Deposit now', '现付订金'], deliveryWeek: ['Delivery week', '交付周'],
  capexUsd: ['Capital cost', '资本支出'], capexPerWeekUsd: ['Capital cost per week', '每周资本支出'], contractValueUsd: ['Contract value', '合同金额'],
  conversionPriceUsd: ['Conversion price', '转股价'], lockupWeeks: ['Lock-up', '锁定期'], leadTimeWeeks: ['Lead time', '交付周期'], gridWeeks: ['Grid connection in', '并网时间'],
  buildWeeks: ['Construction', '建设期'], proceeds: ['Proceeds', '所得'], startWeek: ['Starts in week', '开始周'],
  availabilityWeeks: ['Can be drawn for', '可提款期'], undrawnFeePct: ['Fee on the undrawn amount, a year', '未提取部分年费'],
};

/** A preview detail's label in the current language. */
export function detailLabel(k: string): string {
  const l = DETAIL_LABELS[k];
  if (l) return lang() === 'zh-CN' ? l[1] : l[0];
  return k.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()).replace(/ Usd$/, '').replace(/ Pct$/, '');
}

/** A preview detail's value formatted like the rest of the game, with its unit. */
export function formatDetail(k: string, v: number | string): string {
  if (typeof v === 'string') return v;
  if (/Usd$/i.test(k)) return Math.abs(v) < 1000 ? price(v) : usd(v, 2);
  if (/Pct$/i.test(k)) return v.toFixed(2) + '%';
  if (/Weeks$/.test(k)) return `${Math.round(v)} ${t('weeksShort')}`;
  if (/Mw$/.test(k)) return `${v.toFixed(1)} MW`;
  if (k === 'years') return `${v} ${t('years')}`;
  if (k === 'priceFactor') return `${v.toFixed(2)}×`;
  if (/share$/i.test(k) && Math.abs(v) <= 1) return (v * 100).toFixed(1) + '%';
  if (Number.isInteger(v)) return int(v);
  return num(v, 2);
}

/**
 * An amount typed by a player: "100M", "2.5B", "750k", "$1,200,000", "1.2e8". Returns NaN when it
 * is not a number.
 */
export function parseAmount(text: string): number {
  const s = text.trim().replace(/[$,\s_]/g, '').replace(/[−–]/g, '-');
  const m = /^(-?\d*\.?\d+(?:e[+-]?\d+)?)([kmbt]|万|亿)?$/i.exec(s);
  if (!m) return NaN;
  const mult: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12, '万': 1e4, '亿': 1e8 };
  return Number(m[1]) * (m[2] ? mult[m[2].toLowerCase()]! : 1);
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
    } else if (f.kind === 'amount') {
      input = h('input', { type: 'text', id: fid, name: f.name, value: compactAmount(f.value), inputmode: 'decimal', autocomplete: 'off', spellcheck: false, 'aria-describedby': `${fid}-hint`, 'data-key': fid });
    } else if (f.kind === 'select') {
      input = h('select', { id: fid, name: f.name, 'data-key': fid });
      fillSelect(input as HTMLSelectElement, f.options(), f.value);
    } else {
      input = h('input', { type: 'checkbox', id: fid, name: f.name, checked: f.value, 'data-key': fid });
      inputs.set(f.name, input);
      return h('label', { className: 'check', for: fid }, input, f.label);
    }
    inputs.set(f.name, input);
    const hint = f.kind === 'amount' ? (f.hint ?? t('amountHint')) : f.kind === 'number' ? f.hint : undefined;
    return h('label', { for: fid }, f.label, input, hint ? h('span', { id: `${fid}-hint`, className: 'muted hint' }, hint) : null);
  });

  function values(): Values {
    const v: Values = {};
    for (const f of opts.fields) {
      const el = inputs.get(f.name)!;
      if (f.kind === 'number') v[f.name] = Number((el as HTMLInputElement).value);
      else if (f.kind === 'amount') v[f.name] = parseAmount((el as HTMLInputElement).value);
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
        h('div', { className: 'head' }, msgText(r.summary)),
        h('dl', null,
          h('dt', null, t('cashNow')), h('dd', { className: r.cashNowUsd < 0 ? 'neg' : r.cashNowUsd > 0 ? 'pos' : '' }, usd(r.cashNowUsd, 2)),
          details.map(([k, v]) => [h('dt', null, detailLabel(k)), h('dd', null, formatDetail(k, v))]),
        ),
      );
      confirm.disabled = false;
    } else {
      previewEl.className = 'preview bad';
      replace(previewEl, h('div', { className: 'head' }, t('refused')), msgText(r.reason));
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
    if (r.ok) app.toast(labelled(t('queued'), msgText(r.summary)), 'ok');
    else app.toast(labelled(t('refused'), msgText(r.reason)), 'error');
    show(r.ok ? null : r, r.ok ? labelled(t('queued'), msgText(r.summary)) : undefined);
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

/** 100000000 → "100M" (what a player would type). */
function compactAmount(v: number): string {
  for (const [d, u] of [[1e9, 'B'], [1e6, 'M'], [1e3, 'k']] as const) if (Math.abs(v) >= d && Number.isInteger((v / d) * 100)) return `${v / d}${u}`;
  return String(v);
}

function fillSelect(sel: HTMLSelectElement, options: Option[], wanted?: string): void {
  const cur = wanted ?? sel.value;
  const same = sel.options.length === options.length && options.every((o, i) => sel.options[i]!.value === o.value && sel.options[i]!.text === o.label);
  if (same) return;
  sel.replaceChildren(...options.map((o) => h('option', { value: o.value }, o.label)));
  if (options.some((o) => o.value === cur)) sel.value = cur;
}
