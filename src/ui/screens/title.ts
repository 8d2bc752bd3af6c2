/** Title screen: name and look, scenario cards, file loading, seed, saves, language. */
import { h, replace } from '../dom.ts';
import { t, loc } from '../i18n.ts';
import { getState, setState, store } from '../../store/ui.ts';
import { bundledScenarios } from '../../scenario/bundled.ts';
import * as app from '../app.ts';
import * as saves from '../saves.ts';
import { errorList } from './errors.ts';

interface RawCard {
  id: string;
  title?: { en: string; 'zh-CN'?: string };
  summary?: { en: string; 'zh-CN'?: string };
  difficulty?: string;
  defaultSeed?: number;
  calendar?: { startDate?: string; lengthWeeks?: number };
  lesson?: { objectives?: { label?: { en: string; 'zh-CN'?: string } }[] };
}

function seedValue(): number | null {
  const el = document.getElementById('seed') as HTMLInputElement | null;
  if (!el || el.value.trim() === '') return null;
  const n = Number(el.value);
  return Number.isInteger(n) && n >= 0 && n <= 4294967295 ? n : null;
}

export async function readFileText(file: File): Promise<string> {
  if (file.size > 4 * 1024 * 1024) throw new Error(`The file is ${(file.size / 1048576).toFixed(1)} MB; scenario files must be under 2 MB.`);
  return file.text();
}

/** Load a dropped or picked file: a save (format field) or a scenario. */
export async function loadFile(file: File): Promise<void> {
  let text: string;
  try {
    text = await readFileText(file);
  } catch (e) {
    setState({ loadErrors: { fileName: file.name, errors: [{ path: '(file)', message: (e as Error).message }] } });
    return;
  }
  if (text.includes('"neocloud-tycoon-save"')) {
    const r = await app.loadSave(text);
    if (!r.ok) setState({ loadErrors: { fileName: file.name, errors: [{ path: '(save)', message: r.reason ?? 'corrupt save' }] } });
    return;
  }
  await app.loadScenarioFileText(text, file.name, seedValue());
}

export function renderTitle(root: HTMLElement): () => void {
  const s = getState();
  const cards = Object.entries(bundledScenarios).map(([id, raw]) => ({ ...(raw as RawCard), id }));
  const fileInput = h('input', { type: 'file', accept: '.json,application/json', id: 'scenario-file', className: 'sr-only', 'aria-label': t('loadFile') });
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) void loadFile(f);
    fileInput.value = '';
  });
  const saveInput = h('input', { type: 'file', accept: '.json,application/json', id: 'save-file', className: 'sr-only', 'aria-label': t('importSave') });
  saveInput.addEventListener('change', async () => {
    const f = saveInput.files?.[0];
    saveInput.value = '';
    if (!f) return;
    try {
      const r = await app.loadSave(await f.text());
      if (!r.ok) setState({ loadErrors: { fileName: f.name, errors: [{ path: '(save)', message: r.reason ?? '' }] } });
    } catch (e) {
      setState({ loadErrors: { fileName: f.name, errors: [{ path: '(save)', message: (e as Error).message }] } });
    }
  });
  const errorsBox = h('div', { id: 'load-errors', 'aria-live': 'polite' });
  const savesBox = h('div', { className: 'saves-list', id: 'saves-list' });

  const langBtn = (code: 'en' | 'zh-CN', label: string) =>
    h('button', { type: 'button', 'aria-pressed': s.settings.lang === code ? 'true' : 'false', lang: code, onclick: () => app.setSettings({ lang: code }) }, label);

  const view = h('main', { className: 'title-screen', id: 'title-screen' },
    h('div', { className: 'title-grid', 'aria-hidden': 'true' }),
    h('div', { className: 'title-inner' },
      h('div', { className: 'title-top' },
        h('div', null,
          h('h1', { className: 'logo' }, t('gameName')),
          h('p', { className: 'logo-sub' }, t('tagline')),
          h('div', { className: 'rackline', 'aria-hidden': 'true' }, Array.from({ length: 18 }, (_, i) => h('span', { className: [0, 1, 2, 4, 5, 7, 8, 9, 12, 13, 16].includes(i) ? 'on' : '' }))),
        ),
        h('div', { className: 'lang-switch', role: 'group', 'aria-label': t('language') }, h('span', { className: 'muted' }, t('language')), langBtn('en', 'English'), langBtn('zh-CN', '简体中文')),
      ),
      h('section', { className: 'section', 'aria-labelledby': 'choose-h' },
        h('h2', { id: 'choose-h' }, t('chooseScenario')),
        h('div', { className: 'row mb' },
          h('label', null, t('seed'), h('input', { type: 'number', id: 'seed', min: 0, max: 4294967295, step: 1, inputmode: 'numeric', placeholder: String(cards[0]?.defaultSeed ?? 0), value: saves.lastSeed() ?? '' })),
          h('p', { className: 'muted seed-help' }, t('seedHelp')),
        ),
        h('div', { className: 'cards' }, cards.map((c) => {
          const years = Math.round(((c.calendar?.lengthWeeks ?? 0) / 52) * 10) / 10;
          const startYear = c.calendar?.startDate?.slice(0, 4) ?? '';
          const diff = c.difficulty ?? 'normal';
          return h('article', { className: 'card', 'aria-labelledby': `card-${c.id}` },
            h('h3', { id: `card-${c.id}` }, loc(c.title ?? { en: c.id })),
            h('div', { className: 'chips' },
              h('span', { className: 'chip' }, `${startYear} · ${years} ${t('years')}`),
              h('span', { className: `chip ${diff}` }, `${t('difficulty')}: ${t(diff as 'easy')}`),
            ),
            h('p', { className: 'card-summary' }, loc(c.summary ?? { en: '' })),
            h('div', null, h('strong', { className: 'muted' }, t('objectives')), h('ul', null, (c.lesson?.objectives ?? []).map((o) => h('li', null, loc(o.label ?? { en: '' }))))),
            h('div', { className: 'actions' },
              h('button', { type: 'button', className: 'primary', 'data-scenario': c.id, 'aria-label': `${t('play')}: ${loc(c.title ?? { en: c.id })}`, onclick: () => void app.startBundled(c.id, seedValue(), null, 'briefing') }, t('play') + ' ▸'),
            ),
          );
        })),
      ),
      h('section', { className: 'section' },
        h('div', { className: 'dropzone' },
          fileInput,
          h('button', { type: 'button', id: 'load-file-btn', onclick: () => fileInput.click() }, '↥ ' + t('loadFile')),
          h('span', { className: 'muted' }, t('dropHint')),
        ),
        errorsBox,
      ),
      h('section', { className: 'section', 'aria-labelledby': 'saves-h' },
        h('h2', { id: 'saves-h' }, t('saves')),
        h('div', { className: 'row mb' },
          h('button', { type: 'button', id: 'continue-btn', className: 'primary', disabled: !s.hasAutosave, onclick: () => void continueAutosave() }, '↻ ' + t('continueGame')),
          saveInput,
          h('button', { type: 'button', id: 'import-save-btn', onclick: () => saveInput.click() }, t('importSave')),
        ),
        savesBox,
      ),
    ),
  );
  root.replaceChildren(view);

  const renderErrors = () => {
    const le = getState().loadErrors;
    replace(errorsBox, le ? errorList(le.fileName, le.errors) : null);
    if (le) errorsBox.querySelector<HTMLElement>('.errors')?.focus();
  };
  renderErrors();
  void refreshSaves(savesBox);
  void saves.hasAutosave().then((has) => {
    const b = document.getElementById('continue-btn') as HTMLButtonElement | null;
    if (b) b.disabled = !has;
  });
  let prevErr = getState().loadErrors;
  const unsub = (() => {
    const fn = () => {
      const cur = getState().loadErrors;
      if (cur !== prevErr) { prevErr = cur; renderErrors(); }
    };
    return subscribeState(fn);
  })();
  return unsub;
}

function subscribeState(fn: () => void): () => void {
  return store.subscribe(fn);
}

async function continueAutosave(): Promise<void> {
  try {
    const f = await saves.getSave('autosave');
    if (!f) { app.toast(t('noAutosave'), 'error'); return; }
    const r = await app.loadSave(f);
    if (!r.ok) setState({ loadErrors: { fileName: 'autosave', errors: [{ path: '(save)', message: r.reason ?? '' }] } });
  } catch (e) {
    app.toast(t('loadFailed') + ': ' + saves.describeStorageError(e), 'error');
  }
}

async function refreshSaves(box: HTMLElement): Promise<void> {
  let list: saves.SaveListing[];
  try {
    list = await saves.listSaves();
  } catch (e) {
    replace(box, h('p', { className: 'muted' }, saves.describeStorageError(e)));
    return;
  }
  if (list.length === 0) { replace(box, h('p', { className: 'muted' }, t('noAutosave'))); return; }
  replace(box, list.map((s) => h('div', { className: 'save-row' },
    h('span', { className: 'grow' }, h('strong', null, s.name), ' ', h('span', { className: 'muted' }, `${s.scenarioId} · seed ${s.seed} · ${t('week')} ${s.week} · ${s.savedAt.slice(0, 16).replace('T', ' ')}`)),
    h('button', { type: 'button', 'aria-label': `${t('load')} ${s.name}`, onclick: async () => {
      try {
        const f = await saves.getSave(s.name);
        const r = await app.loadSave(f);
        if (!r.ok) setState({ loadErrors: { fileName: s.name, errors: [{ path: '(save)', message: r.reason ?? '' }] } });
      } catch (e) { app.toast(saves.describeStorageError(e), 'error'); }
    } }, t('load')),
    h('button', { type: 'button', className: 'danger', 'aria-label': `${t('delete')} ${s.name}`, onclick: async () => {
      try { await saves.deleteSave(s.name); } catch (e) { app.toast(saves.describeStorageError(e), 'error'); }
      void refreshSaves(box);
    } }, t('delete')),
  )));
}
