/**
 * The class builder ("Teach a class"): scenario (bundled or a file, through the scenario loader
 * in the class worker, errors as the title screen shows them), the short form of common changes
 * (an `extends` overlay, checked live by the same loader), seed and seed mode, rules, title →
 * the class link with a copy button and a student preview, or a `.class.json` file when the link
 * would be too long. The draft survives a language switch (module state), not a reload.
 */
import '../zodJitless.ts';
import './class.css';
import { h, replace, download } from '../dom.ts';
import { loc, t } from '../i18n.ts';
import { setState } from '../../store/ui.ts';
import * as app from '../app.ts';
import { bundledScenarios } from '../../scenario/bundled.ts';
import type { Scenario } from '../../scenario/schema/index.ts';
import type { ScenarioError } from '../../scenario/errors.ts';
import { fileSizeError, MAX_SEED } from '../../scenario/limits.ts';
import { parseClassConfig, classScenarioDocument, classFileValue, classSlug, CLASS_SPEEDS, MAX_CLASS_ATTEMPTS, MAX_CLASS_TITLE_CHARS, type ClassConfig, type ClassRules } from '../../class/config.ts';
import { encodeClassLink, MAX_LINK_CHARS } from '../../class/link.ts';
import { errorList } from '../screens/errors.ts';
import { ct, type ClassMsg } from './messages.ts';
import { classWorker } from './pool.ts';
import { formItems, buildOverlay, type FormItem, type FormValues } from './overlay.ts';
import { classCard } from './classInfo.ts';
import { setResultsClass } from './resultsStore.ts';

type Source = { kind: 'bundled'; id: string } | { kind: 'file'; value: Record<string, unknown>; fileName: string };

interface Draft {
  title: string;
  source: Source;
  values: FormValues;
  seed: string;
  seedMode: 'shared' | 'perStudent';
  maxSpeed: 1 | 2 | 4;
  pauseEachQuarter: boolean;
  attempts: string;
  dueDate: string;
  language: '' | 'en' | 'zh-CN';
  handInEarly: boolean;
}

const firstBundled = Object.keys(bundledScenarios)[0] ?? 'default';
const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

const draft: Draft = {
  title: '', source: { kind: 'bundled', id: firstBundled }, values: {}, seed: String(randomSeed()), seedMode: 'shared',
  maxSpeed: 4, pauseEachQuarter: true, attempts: '', dueDate: '', language: '', handInEarly: false,
};

/** The validated scenario the form starts from (per source), or its errors. */
let base: { key: string; scenario: Scenario | null; errors: ScenarioError[] | null } | null = null;

const sourceKey = (s: Source) => (s.kind === 'bundled' ? `b:${s.id}` : `f:${s.fileName}`);

async function loadBase(src: Source, text?: string): Promise<void> {
  const key = sourceKey(src);
  const reply = src.kind === 'file' && text !== undefined
    ? await classWorker().run({ kind: 'validateText', text, fileName: src.fileName })
    : await classWorker().run({ kind: 'validateObject', value: src.kind === 'bundled' ? bundledScenarios[src.id as keyof typeof bundledScenarios] : src.value });
  if (reply.kind !== 'scenario') base = { key, scenario: null, errors: [{ path: '(file)', message: reply.kind === 'error' ? reply.reason : 'unexpected reply' }] };
  else base = reply.ok ? { key, scenario: reply.scenario, errors: null } : { key, scenario: null, errors: reply.errors };
}

function rulesOf(d: Draft): ClassRules {
  const attempts = d.attempts.trim() === '' ? null : Number(d.attempts);
  return { maxSpeed: d.maxSpeed, pauseEachQuarter: d.pauseEachQuarter, attempts: attempts as number | null, dueDate: d.dueDate || null, language: d.language || null, handInEarly: d.handInEarly };
}

const classTarget = { en: 'class target', 'zh-CN': '本课堂目标' };

export function renderClassBuilder(root: HTMLElement): () => void {
  let disposed = false;
  let checkTimer: ReturnType<typeof setTimeout> | null = null;
  let checkSeq = 0;

  const formBox = h('div', { id: 'class-form-fields' });
  const overlayBox = h('div', { id: 'class-overlay' });
  const checkBox = h('div', { id: 'class-check', 'aria-live': 'polite' });
  const outBox = h('div', { id: 'class-output', 'aria-live': 'polite' });
  const sourceBox = h('div', { id: 'class-source' });

  const fileInput = h('input', { type: 'file', accept: '.json,application/json', id: 'class-scenario-file', className: 'sr-only', 'aria-label': ct('scenarioFileBtn') });
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    fileInput.value = '';
    if (f) void pickFile(f);
  });

  async function pickFile(f: File): Promise<void> {
    const size = fileSizeError('scenario', f.size);
    const src: Source = { kind: 'file', value: {}, fileName: f.name };
    if (size) { base = { key: sourceKey(src), scenario: null, errors: [{ path: '(file)', ...size }] }; draft.source = src; renderAll(); return; }
    const text = await f.text();
    let value: unknown = null;
    try { value = JSON.parse(text); } catch { /* the loader explains, with line and column */ }
    draft.source = { kind: 'file', value: value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {}, fileName: f.name };
    draft.values = {};
    base = null;
    renderSource();
    await loadBase(draft.source, text);
    if (!disposed) renderAll();
  }

  const select = h('select', { id: 'class-scenario' }, Object.entries(bundledScenarios).map(([id, raw]) =>
    h('option', { value: id, selected: draft.source.kind === 'bundled' && draft.source.id === id }, loc((raw as { title?: { en: string } }).title ?? { en: id }))));
  select.addEventListener('change', () => {
    draft.source = { kind: 'bundled', id: select.value };
    draft.values = {};
    base = null;
    renderForm();
    void loadBase(draft.source).then(() => { if (!disposed) renderAll(); });
  });

  function renderSource(): void {
    replace(sourceBox,
      draft.source.kind === 'bundled'
        ? h('label', null, ct('bundledScenario'), select)
        : h('p', { id: 'class-file-name' }, ct('scenarioFromFile', { name: draft.source.fileName }), ' ',
          h('button', { type: 'button', onclick: () => { draft.source = { kind: 'bundled', id: select.value }; draft.values = {}; base = null; renderAll(); void loadBase(draft.source).then(() => { if (!disposed) renderAll(); }); } }, ct('useBundled'))),
      h('button', { type: 'button', id: 'class-file-btn', onclick: () => fileInput.click() }, '↥ ' + ct('scenarioFileBtn')),
    );
  }

  const itemLabel = (it: FormItem): string => {
    if (it.group === 'cash') return ct('startingCash');
    if (it.group === 'rate') return ct('rateShift');
    const text = loc(it.label);
    if (it.group === 'objective') return ct(it.key.endsWith('minUsd') ? 'objMinUsd' : it.key.endsWith('max') ? 'objMax' : 'objByDate', { label: text });
    return text;
  };

  function field(it: FormItem): HTMLElement {
    const id = `cf-${it.key.replace(/\./g, '-')}`;
    const input = h('input', {
      id, type: it.kind === 'date' ? 'date' : 'text', inputmode: it.kind === 'date' ? null : 'decimal',
      value: draft.values[it.key] ?? (it.group === 'rate' ? '' : it.base), placeholder: it.group === 'rate' ? '0' : it.base, 'data-key': it.key,
      'aria-describedby': `${id}-err`,
    });
    input.addEventListener('input', () => { draft.values[it.key] = input.value; scheduleCheck(); });
    return h('label', { className: 'class-field' }, itemLabel(it), input, h('span', { className: 'neg small', id: `${id}-err` }));
  }

  function renderForm(): void {
    const sc = base?.scenario;
    if (!base) { replace(formBox, h('p', { className: 'muted' }, ct('checking'))); return; }
    if (!sc) { replace(formBox, errorList(draft.source.kind === 'file' ? draft.source.fileName : (draft.source.id), base.errors ?? [])); formBox.querySelector('.errors button')?.remove(); return; }
    const items = formItems(sc);
    const group = (g: FormItem['group'], title: ClassMsg | null) => {
      const its = items.filter((i) => i.group === g);
      if (!its.length) return null;
      return h('div', { className: 'class-group' }, title && h('h4', null, ct(title)), h('div', { className: 'class-fields' }, its.map(field)));
    };
    replace(formBox,
      h('p', { className: 'muted' }, ct('changesHelp')),
      h('div', { className: 'class-fields' }, items.filter((i) => i.group === 'cash' || i.group === 'rate').map(field)),
      group('eventDate', 'shockDates'), group('subsidyEnd', 'subsidyEnds'), group('objective', 'objectiveThresholds'),
    );
  }

  function currentOverlay(): { overlay: Record<string, unknown>; bad: Set<string> } {
    if (!base?.scenario) return { overlay: {}, bad: new Set() };
    const r = buildOverlay(base.scenario, draft.values, classTarget);
    return { overlay: r.overlay, bad: new Set(r.problems.map((p) => p.key)) };
  }

  function scheduleCheck(): void {
    if (checkTimer) clearTimeout(checkTimer);
    checkTimer = setTimeout(() => void check(), 250);
    replace(outBox);
  }

  /** Live check: the overlay over the scenario through the scenario loader (in the class worker). */
  async function check(): Promise<boolean> {
    const my = ++checkSeq;
    if (!base?.scenario) return false;
    const { overlay, bad } = currentOverlay();
    for (const el of formBox.querySelectorAll<HTMLInputElement>('input[data-key]')) {
      const err = document.getElementById(`${el.id}-err`);
      const isBad = bad.has(el.dataset.key ?? '');
      el.setAttribute('aria-invalid', String(isBad));
      if (err) err.textContent = isBad ? ct(el.inputMode === 'decimal' && el.dataset.key !== 'rateShift' && !el.dataset.key?.endsWith('.max') ? 'badAmount' : 'badNumber') : '';
    }
    replace(overlayBox, Object.keys(overlay).length === 0 ? h('p', { className: 'muted' }, ct('noChanges')) : h('pre', { className: 'class-overlay-json', tabindex: 0, 'aria-label': ct('overlayHeading') }, JSON.stringify(overlay, null, 1).slice(0, 4000)));
    replace(checkBox, h('p', { className: 'muted' }, ct('checking')));
    const doc = classScenarioDocument({ scenario: draft.source.kind === 'bundled' ? draft.source : { kind: 'file', value: draft.source.value }, overlay });
    const reply = await classWorker().run({ kind: 'validateObject', value: doc });
    if (disposed || my !== checkSeq) return false;
    const ok = reply.kind === 'scenario' && reply.ok && bad.size === 0;
    if (reply.kind === 'scenario' && !reply.ok) {
      const list = errorList(ct('scenarioBad'), reply.errors);
      list.querySelector('button')?.remove();
      replace(checkBox, list);
    } else if (reply.kind === 'error') {
      replace(checkBox, h('p', { className: 'neg' }, reply.reason));
    } else {
      replace(checkBox, bad.size ? null : h('p', { className: 'pos', id: 'class-check-ok' }, '✓ ' + ct('scenarioOk')));
    }
    return ok;
  }

  // --- seed, rules, title ---
  const titleIn = h('input', { type: 'text', id: 'class-title', maxlength: MAX_CLASS_TITLE_CHARS, value: draft.title, placeholder: ct('classTitlePlaceholder') });
  titleIn.addEventListener('input', () => { draft.title = titleIn.value; replace(outBox); });
  const seedIn = h('input', { type: 'number', id: 'class-seed', min: 0, max: MAX_SEED, step: 1, inputmode: 'numeric', value: draft.seed });
  seedIn.addEventListener('input', () => { draft.seed = seedIn.value; replace(outBox); });
  const dice = h('button', { type: 'button', id: 'class-dice', onclick: () => { draft.seed = String(randomSeed()); seedIn.value = draft.seed; replace(outBox); } }, ct('dice'));
  const radio = (name: string, value: string, checked: boolean, label: string, on: () => void) => {
    const r = h('input', { type: 'radio', name, value, checked, id: `${name}-${value}` });
    r.addEventListener('change', () => { if (r.checked) { on(); replace(outBox); } });
    return h('label', { className: 'radio', for: `${name}-${value}` }, r, ' ', label);
  };
  const check1 = (id: string, checked: boolean, label: string, on: (v: boolean) => void) => {
    const c = h('input', { type: 'checkbox', id, checked });
    c.addEventListener('change', () => { on(c.checked); replace(outBox); });
    return h('label', { className: 'radio', for: id }, c, ' ', label);
  };
  const speedSel = h('select', { id: 'class-max-speed' }, CLASS_SPEEDS.map((s) => h('option', { value: s, selected: draft.maxSpeed === s }, `${s}×`)));
  speedSel.addEventListener('change', () => { draft.maxSpeed = Number(speedSel.value) as 1 | 2 | 4; replace(outBox); });
  const attemptsIn = h('input', { type: 'number', id: 'class-attempts', min: 1, max: MAX_CLASS_ATTEMPTS, step: 1, value: draft.attempts, inputmode: 'numeric' });
  attemptsIn.addEventListener('input', () => { draft.attempts = attemptsIn.value; replace(outBox); });
  const dueIn = h('input', { type: 'date', id: 'class-due', value: draft.dueDate });
  dueIn.addEventListener('input', () => { draft.dueDate = dueIn.value; replace(outBox); });
  const langSel = h('select', { id: 'class-lang' },
    h('option', { value: '', selected: draft.language === '' }, ct('studentsChoose')),
    h('option', { value: 'en', selected: draft.language === 'en', lang: 'en' }, 'English'),
    h('option', { value: 'zh-CN', selected: draft.language === 'zh-CN', lang: 'zh-CN' }, '简体中文'));
  langSel.addEventListener('change', () => { draft.language = langSel.value as Draft['language']; replace(outBox); });

  /** The config the form describes, or every reason it is not one yet. */
  function configOf(): { ok: true; config: ClassConfig } | { ok: false; problems: string[] } {
    const problems: string[] = [];
    if (!draft.title.trim()) problems.push(ct('titleMissing'));
    const seed = Number(draft.seed);
    if (!(draft.seed.trim() !== '' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED)) problems.push(ct('seedBad'));
    const att = draft.attempts.trim();
    if (att !== '' && !(Number.isInteger(Number(att)) && Number(att) >= 1 && Number(att) <= MAX_CLASS_ATTEMPTS)) problems.push(ct('attemptsBad'));
    if (problems.length) return { ok: false, problems };
    const scenario = draft.source.kind === 'bundled' ? draft.source : { kind: 'file' as const, value: draft.source.value, fileName: draft.source.fileName };
    const r = parseClassConfig({ version: 1, title: draft.title, scenario, overlay: currentOverlay().overlay, seed, seedMode: draft.seedMode, rules: rulesOf(draft) });
    return r.ok ? r : { ok: false, problems: r.problems.map((p) => `${p.path}: ${p.message}`) };
  }

  async function make(): Promise<void> {
    const valid = await check();
    const c = configOf();
    if (!valid || !c.ok) {
      replace(outBox, h('div', { className: 'errors', role: 'alert', id: 'class-make-problems' }, h('p', null, ct('fixFirst')), c.ok ? null : h('ul', null, c.problems.map((p) => h('li', null, p)))));
      outBox.scrollIntoView({ block: 'nearest' });
      return;
    }
    const enc = await encodeClassLink(c.config, location.href);
    if (disposed) return;
    const copyBtn = h('button', { type: 'button', id: 'class-copy', className: 'primary' }, ct('copy'));
    const copied = h('span', { className: 'muted', role: 'status', id: 'class-copied' });
    const linkOut = h('input', { type: 'text', readonly: true, id: 'class-link', value: enc.url, 'aria-label': ct('classLink'), className: 'class-link' });
    copyBtn.addEventListener('click', async () => {
      try { await navigator.clipboard.writeText(enc.url); copied.textContent = ct('copied'); } catch { linkOut.select(); copied.textContent = ct('copyFailed'); }
    });
    const fileBtn = h('button', { type: 'button', id: 'class-file-download', className: enc.kind === 'file' ? 'primary' : '', onclick: () => download(`${classSlug(c.config.title)}.class.json`, JSON.stringify(classFileValue(c.config), null, 1), 'application/json') }, ct('downloadClassFile'));
    replace(outBox,
      h('h3', null, ct('classLink')),
      enc.kind === 'link'
        ? h('div', null, h('p', { className: 'muted' }, ct('linkReady', { chars: enc.url.length })), h('div', { className: 'row class-link-row' }, linkOut, copyBtn, copied), h('div', { className: 'row' }, fileBtn))
        : h('div', null, h('p', { className: 'warn', id: 'class-link-too-long' }, ct('linkTooLong', { chars: enc.chars, max: MAX_LINK_CHARS })), h('div', { className: 'row' }, fileBtn)),
      h('div', { className: 'row' }, h('button', { type: 'button', id: 'class-open-results', onclick: () => { setResultsClass(c.config); setState({ screen: 'classResults' }); } }, ct('openResults'))),
      h('section', { className: 'box class-preview', 'aria-labelledby': 'preview-h' }, h('h3', { id: 'preview-h' }, ct('studentPreview')), classCard(c.config, 0, 'preview-title')),
    );
    outBox.scrollIntoView({ block: 'start' });
    (enc.kind === 'link' ? copyBtn : fileBtn).focus({ preventScroll: true });
  }

  function renderAll(): void {
    renderSource();
    renderForm();
    scheduleCheck();
  }

  const view = h('main', { className: 'class-screen', id: 'class-builder', 'aria-labelledby': 'builder-h' },
    h('div', { className: 'class-inner' },
      h('div', { className: 'row class-head' }, h('button', { type: 'button', id: 'class-back', onclick: () => app.goTitle() }, ct('toTitle')), h('h1', { id: 'builder-h' }, ct('builderTitle'))),
      h('p', { className: 'muted' }, ct('builderIntro')),
      h('fieldset', { className: 'box' }, h('legend', null, ct('classTitle')), h('label', { for: 'class-title', className: 'sr-only' }, ct('classTitle')), titleIn),
      h('fieldset', { className: 'box' }, h('legend', null, ct('scenarioLegend')), fileInput, sourceBox),
      h('fieldset', { className: 'box' }, h('legend', null, ct('changesLegend')), formBox,
        h('h4', null, ct('overlayHeading')), overlayBox, checkBox),
      h('fieldset', { className: 'box' }, h('legend', null, ct('seedLegend')),
        h('div', { className: 'row' }, h('label', { for: 'class-seed' }, t('seed'), seedIn), dice),
        h('fieldset', { className: 'plain' }, h('legend', null, ct('seedMode')),
          radio('seed-mode', 'shared', draft.seedMode === 'shared', ct('seedShared'), () => { draft.seedMode = 'shared'; }),
          radio('seed-mode', 'perStudent', draft.seedMode === 'perStudent', ct('seedPerStudent'), () => { draft.seedMode = 'perStudent'; })),
      ),
      h('fieldset', { className: 'box' }, h('legend', null, ct('rulesLegend')),
        h('div', { className: 'class-fields' },
          h('label', { for: 'class-max-speed' }, ct('maxSpeed'), speedSel),
          h('label', { for: 'class-attempts' }, ct('attempts'), attemptsIn),
          h('label', { for: 'class-due' }, ct('dueDate'), dueIn),
          h('label', { for: 'class-lang' }, ct('classLanguage'), langSel)),
        check1('class-pause', draft.pauseEachQuarter, ct('pauseEachQuarter'), (v) => { draft.pauseEachQuarter = v; }),
        check1('class-early', draft.handInEarly, ct('handInEarly'), (v) => { draft.handInEarly = v; }),
      ),
      h('div', { className: 'row' }, h('button', { type: 'button', className: 'primary', id: 'class-make', onclick: () => void make() }, ct('makeLink'))),
      outBox,
    ),
  );
  root.replaceChildren(view);
  renderSource();
  renderForm();
  if (!base || base.key !== sourceKey(draft.source)) {
    if (draft.source.kind === 'file' && base?.key !== sourceKey(draft.source)) draft.source = { kind: 'bundled', id: select.value };
    void loadBase(draft.source).then(() => { if (!disposed) { renderForm(); scheduleCheck(); } });
  } else scheduleCheck();
  titleIn.focus();

  return () => { disposed = true; if (checkTimer) clearTimeout(checkTimer); };
}
