/** Readable validator errors: where (path, line:column), what is wrong, and a hint. */
import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import { setState } from '../../store/ui.ts';
import type { LoadError } from '../../store/ui.ts';

export function errorList(fileName: string, errors: LoadError[]): HTMLElement {
  return h('div', { className: 'errors', role: 'alert', tabindex: -1, id: 'scenario-errors' },
    h('h3', null, `${t('badFile')} — ${fileName} (${errors.length})`),
    h('table', null,
      h('caption', { className: 'sr-only' }, t('badFile')),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('errPath')), h('th', { scope: 'col' }, t('errLine')), h('th', { scope: 'col' }, t('errMessage')))),
      h('tbody', null, errors.slice(0, 100).map((e) => h('tr', { className: 'error-row' },
        h('td', null, h('code', null, e.path || '(root)')),
        h('td', null, e.line ? `${e.line}${e.column ? ':' + e.column : ''}` : '—'),
        h('td', null, e.message, e.hint ? h('div', { className: 'muted' }, e.hint) : null),
      ))),
    ),
    errors.length > 100 ? h('p', { className: 'muted' }, `… ${errors.length - 100} more`) : null,
    h('button', { type: 'button', onclick: () => setState({ loadErrors: null }) }, t('dismiss')),
  );
}
