/** Title screen: name and look, scenario cards, file loading, seed, saves, language. */
import { h, replace } from '../dom.ts';
import { t, loc, weekN, labelled } from '../i18n.ts';
import { getState, setState, store } from '../../store/ui.ts';
import { bundledScenarios } from '../../scenario/bundled.ts';
import { objectiveLabels } from '../../scenario/rawPreview.ts';
import { SOLVENT_BOOKS_LABEL } from '../../engine/sharedObjectives.ts';
import * as app from '../app.ts';
import * as saves from '../saves.ts';
import { errorList } from './errors.ts';
import { fileSizeError, MAX_SEED, type FileKind } from '../../scenario/limits.ts';
import type { ErrMsg } from '../../scenario/errMsg.ts';
import { saysClassFile } from '../../class/classFile.ts';
import { ct } from '../class/messages.ts';

interface RawCard {
  id: string;
  title?: { en: string; 'zh-CN'?: string };
  summary?: { en: string; 'zh-CN'?: string };
  difficulty?: string;
  defaultSeed?: number;
  calendar?: { startDate?: string; lengthWeeks?: number };
}

function seedValue(): number | null {
  const el = document.getElementById('seed') as HTMLInputElement | null;
  if (!el || el.value.trim() === '') return null;
  const n = Number(el.value);
  return Number.isInteger(n) && n >= 0 && n <= MAX_SEED ? n : null;
}

/**
 * Read a picked or dropped file, refusing it by its size before reading a byte (the limit of its
 * kind from limits.ts; a file that may be either kind gets the larger, and the host applies the
 * scenario limit once the "format" field says it is a scenario).
 */
export async function readFileText(file: File, kind: FileKind): Promise<{ ok: true; text: string } | { ok: false; error: { message: string; msg?: ErrMsg } }> {
  const size = fileSizeError(kind, file.size);
  if (size) return { ok: false, error: size };
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    return { ok: false, error: { message: (e as Error).message } };
  }
}

/** A file refused before the host saw it, in the title screen's error list (its id rendered in the player's language). */
function showFileError(fileName: string, error: { message: string; msg?: ErrMsg | undefined }, kind: 'save' | 'file'): void {
  setState({ loadErrors: { fileName, errors: [{ path: kind === 'save' ? '(save)' : '(file)', ...error }], kind } });
}

/** Load a dropped or picked file: a save or a scenario (its "format" field decides, in the host). */
export async function loadFile(file: File): Promise<void> {
  // Either kind: refuse above the larger limit now; the host applies the scenario limit to scenarios.
  const tooBig = fileSizeError('save', file.size, true);
  if (tooBig) {
    showFileError(file.name, tooBig, 'file');
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    showFileError(file.name, { message: (e as Error).message }, 'file');
    return;
  }
  // A class file (`.class.json`, by its "format" field) opens the class screen.
  let value: unknown = null;
  try { value = JSON.parse(text); } catch { /* not JSON: the scenario loader explains, with line and column */ }
  if (saysClassFile(value)) {
    const m = await import('../class/session.ts');
    await m.openClassFileValue(value);
    return;
  }
  await app.loadFileText(text, file.name, seedValue());
}

/** The Import save button: a save file only. */
export async function importSaveFile(file: File): Promise<void> {
  const r = await readFileText(file, 'save');
  if (!r.ok) {
    showFileError(file.name, r.error, 'save');
    return;
  }
  await app.loadSave(r.text, file.name);
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
    if (f) await importSaveFile(f);
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
          h('label', null, t('seed'), h('input', { type: 'number', id: 'seed', min: 0, max: MAX_SEED, step: 1, inputmode: 'numeric', placeholder: String(cards[0]?.defaultSeed ?? 0), value: saves.lastSeed() ?? '' })),
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
              h('span', { className: `chip ${diff}` }, labelled(t('difficulty'), t(diff as 'easy'))),
            ),
            h('p', { className: 'card-summary' }, loc(c.summary ?? { en: '' })),
            h('div', null, h('strong', { className: 'muted' }, t('objectives')), h('ul', null, [...objectiveLabels(bundledScenarios[c.id]), SOLVENT_BOOKS_LABEL].map((label) => h('li', null, loc(label))))),
            h('div', { className: 'actions' },
              h('button', { type: 'button', className: 'primary', 'data-scenario': c.id, 'aria-label': labelled(t('play'), loc(c.title ?? { en: c.id })), onclick: () => void app.startBundled(c.id, seedValue(), null, 'briefing') }, t('play') + ' ▸'),
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
      h('section', { className: 'section class-entry', 'aria-labelledby': 'teach-h' },
        h('h2', { id: 'teach-h' }, ct('teachClass')),
        h('p', { className: 'muted' }, ct('teachClassHelp')),
        h('div', { className: 'row' },
          h('button', { type: 'button', id: 'teach-class-btn', className: 'primary', onclick: () => setState({ screen: 'classBuilder' }) }, ct('teachClass') + ' ▸'),
          h('button', { type: 'button', id: 'class-results-btn', onclick: () => setState({ screen: 'classResults' }) }, ct('classResultsBtn')),
        ),
      ),
      h('section', { className: 'section', 'aria-labelledby': 'saves-h' },
        h('h2', { id: 'saves-h' }, t('saves')),
        h('div', { className: 'row mb' },
          h('button', { type: 'button', id: 'continue-btn', className: 'primary', disabled: !s.hasAutosave, onclick: () => void app.continueAutosave() }, '↻ ' + t('continueGame')),
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
    replace(errorsBox, le ? errorList(le.fileName, le.errors, le.kind) : null);
    if (le) errorsBox.querySelector<HTMLElement>('.errors')?.focus();
  };
  renderErrors();
  void refreshSaves(savesBox);
  // Continue follows the store: enabled as soon as any autosave exists (also one written after this render).
  const syncContinue = () => {
    const b = document.getElementById('continue-btn') as HTMLButtonElement | null;
    if (b) b.disabled = !getState().hasAutosave;
  };
  void saves.hasAutosave().then((has) => { if (has) setState({ hasAutosave: true }); });
  let prevErr = getState().loadErrors;
  let prevHas = getState().hasAutosave;
  const unsub = subscribeState(() => {
    const cur = getState().loadErrors;
    if (cur !== prevErr) { prevErr = cur; renderErrors(); }
    if (getState().hasAutosave !== prevHas) { prevHas = getState().hasAutosave; syncContinue(); }
  });
  return unsub;
}

function subscribeState(fn: () => void): () => void {
  return store.subscribe(fn);
}

/** A save's scenario by its title in the page's language (a bundled one), else its id. */
function scenarioName(id: string): string {
  const title = (bundledScenarios as Record<string, RawCard | undefined>)[id]?.title;
  return title ? loc(title) : id;
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
    h('span', { className: 'grow' }, h('strong', null, s.name), ' ', h('span', { className: 'muted' }, `${scenarioName(s.scenarioId)} · ${t('seedN').replace('{n}', String(s.seed))} · ${weekN(s.week)} · ${s.savedAt.slice(0, 16).replace('T', ' ')}`)),
    h('button', { type: 'button', 'aria-label': `${t('load')} ${s.name}`, onclick: () => void app.loadNamedSave(s.name) }, t('load')),
    h('button', { type: 'button', className: 'danger', 'aria-label': `${t('delete')} ${s.name}`, onclick: async () => {
      try { await saves.deleteSave(s.name); } catch (e) { app.toast(saves.describeStorageError(e), 'error'); }
      void refreshSaves(box);
    } }, t('delete')),
  )));
}
