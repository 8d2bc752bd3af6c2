/**
 * Never silent: when the engine throws, the game is stopped (the host refuses to step, command
 * or save it) and this dialog says so, on any screen, with a way out: load the last autosave
 * (written before the failure; nothing is autosaved after it) or go back to the title screen.
 */
import { h, replace } from './dom.ts';
import { getState, store } from '../store/ui.ts';
import * as app from './app.ts';
import { t, labelled } from './i18n.ts';

export function installEngineErrorDialog(): void {
  const dlg = h('dialog', { id: 'engine-error-dialog', className: 'small', role: 'alertdialog', 'aria-labelledby': 'engine-error-title' });
  document.body.append(dlg);
  const status = h('p', { role: 'status', id: 'engine-error-status' });
  const show = (message: string) => {
    replace(dlg,
      h('div', { className: 'dlg-head' }, h('h2', { id: 'engine-error-title' }, t('engErrTitle'))),
      h('div', { className: 'dlg-body' },
        h('p', null, t('engErrBody')),
        h('p', { className: 'muted', id: 'engine-error-message' }, message),
        status,
      ),
      h('div', { className: 'dlg-foot' },
        h('button', { type: 'button', className: 'primary', id: 'engine-error-load', onclick: async () => {
          status.textContent = t('engErrLoading');
          const r = await app.continueAutosave();
          if (r.ok) dlg.close();
          else status.textContent = labelled(t('engErrLoadFailed'), r.reason);
        } }, t('engErrLoad')),
        h('button', { type: 'button', id: 'engine-error-title-btn', onclick: () => { dlg.close(); app.goTitle(); } }, t('engErrTitleScreen')),
      ),
    );
    if (!dlg.open) dlg.showModal();
  };
  store.subscribe((s, p) => {
    if (s.engineError && s.engineError !== p.engineError) show(s.engineError);
    if (!s.engineError && dlg.open) dlg.close();
  });
  const now = getState().engineError;
  if (now) show(now);
}
