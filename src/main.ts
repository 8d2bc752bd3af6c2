/**
 * Boot: settings, the screen router, toasts, drag-and-drop, the page API. Everything heavy
 * (engine + worker, scenario validator, Phaser, charts) loads lazily.
 */
// First: zod must be told not to compile parsers with eval (CSP) before any module defines a schema.
import './ui/zodJitless.ts';
import './ui/style.css';
import { getState, setState, store } from './store/ui.ts';
import * as saves from './ui/saves.ts';
import * as app from './ui/app.ts';
import { h } from './ui/dom.ts';
import { mountToasts } from './ui/toasts.ts';
import { installPageApi } from './ui/pageApi.ts';
import { renderTitle, loadFile } from './ui/screens/title.ts';
import { renderBriefing } from './ui/screens/briefing.ts';
import { installEngineErrorDialog } from './ui/engineErrorDialog.ts';

const VERSION = '0.1.0';
const root = document.getElementById('app')!;
mountToasts();
document.body.append(h('div', { className: 'drop-overlay', 'aria-hidden': 'true' }, '↓ Drop a scenario or save file'));

setState({ settings: saves.loadSettings() });
document.documentElement.lang = getState().settings.lang;
// The page API's loads resolve once the screen they open is drawn (render() awaits the screen's code).
const api = installPageApi(VERSION, () => shown);
installEngineErrorDialog();

let dispose: (() => void) | null = null;
let token = 0;
/** The latest render; it resolves when the current screen is drawn and `#app[data-screen]` names it. */
let shown: Promise<void> = Promise.resolve();
async function render(): Promise<void> {
  const my = ++token;
  dispose?.();
  dispose = null;
  const s = getState();
  document.title = s.settings.lang === 'zh-CN' ? '新云大亨 · Neocloud Tycoon' : 'Neocloud Tycoon';
  switch (s.screen) {
    case 'title': dispose = renderTitle(root); break;
    case 'briefing': dispose = renderBriefing(root); break;
    case 'game': {
      const m = await import('./ui/screens/game.ts');
      if (my === token) dispose = m.renderGame(root);
      break;
    }
    case 'debrief': {
      const m = await import('./ui/screens/debrief.ts');
      if (my === token) dispose = m.renderDebrief(root);
      break;
    }
    case 'classBuilder': {
      const m = await import('./ui/class/builder.ts');
      if (my === token) dispose = m.renderClassBuilder(root);
      break;
    }
    case 'classStudent': {
      const m = await import('./ui/class/student.ts');
      if (my === token) dispose = m.renderClassStudent(root);
      break;
    }
    case 'classResults': {
      const m = await import('./ui/class/results.ts');
      if (my === token) dispose = m.renderClassResults(root);
      break;
    }
    case 'classDebrief': {
      const m = await import('./ui/class/debriefScreen.ts');
      if (my === token) dispose = m.renderClassDebriefScreen(root);
      break;
    }
  }
  root.dataset.screen = s.screen;
}

store.subscribe((s, p) => {
  if (s.screen !== p.screen || s.settings.lang !== p.settings.lang || s.classOpen !== p.classOpen) shown = render();
});

// Drag and drop a scenario (or save) file anywhere on the page.
let dragDepth = 0;
document.addEventListener('dragenter', (e) => { if (e.dataTransfer?.types.includes('Files')) { dragDepth++; document.body.classList.add('dragging'); } });
document.addEventListener('dragleave', () => { dragDepth = Math.max(0, dragDepth - 1); if (!dragDepth) document.body.classList.remove('dragging'); });
document.addEventListener('dragover', (e) => { if (e.dataTransfer?.types.includes('Files')) e.preventDefault(); });
document.addEventListener('drop', (e) => {
  e.preventDefault();
  dragDepth = 0;
  document.body.classList.remove('dragging');
  // The class results page takes its own drops (many result files or a zip).
  if (getState().screen === 'classResults') return;
  const f = e.dataTransfer?.files?.[0];
  if (f) {
    if (getState().screen !== 'title') app.goTitle();
    void loadFile(f);
  }
});

window.addEventListener('unhandledrejection', (e) => {
  app.toast(`Something went wrong: ${String((e.reason as Error)?.message ?? e.reason)}`, 'error');
});

/** A class link (`#class=1.…`) opens the class screen, at load and when the fragment changes. */
async function openClassFromLocation(): Promise<boolean> {
  if (!location.hash.startsWith('#class=')) return false;
  const m = await import('./ui/class/session.ts');
  await m.openClassLink(location.href);
  return true;
}
window.addEventListener('hashchange', () => void openClassFromLocation());

void (async () => {
  setState({ hasAutosave: await saves.hasAutosave() });
  if (!(await openClassFromLocation())) await (shown = render());
  api.ready = true;
  setState({ ready: true });
  // Warm the engine worker in the background so the first game starts quickly.
  setTimeout(() => void app.ensureHost(), 300);
})();
