/**
 * Readable validator errors: where (path, line:column), what is wrong, and a hint. The message is
 * rendered from its id in the player's language (src/i18n/scenarioErrorMessages.ts); an error
 * without an id shows its English text. A schema description stays English documentation, shown
 * under a label saying so ("About this field" / "字段说明（英文）") and marked lang="en".
 */
import { h } from '../dom.ts';
import { t, lang, labelled, inParens } from '../i18n.ts';
import { setState } from '../../store/ui.ts';
import type { LoadError, FileProblemKind } from '../../store/ui.ts';
import { scenarioErrorText } from '../../i18n/scenarioErrorMessages.ts';
import type { Lang } from '../../i18n/render.ts';

/** An error's message in a language. */
export function errorMessage(e: LoadError, l: Lang): string {
  return e.msg ? scenarioErrorText(e.msg, l) : e.message;
}

function hintLine(e: LoadError, l: Lang): HTMLElement | null {
  if (e.hintMsg) return h('div', { className: 'muted' }, labelled(scenarioErrorText({ id: 'scn.ui.hintLabel', params: {} }, l), scenarioErrorText(e.hintMsg, l)));
  if (!e.hint) return null;
  return h('div', { className: 'muted field-doc' },
    labelled(scenarioErrorText({ id: 'scn.ui.docLabel', params: {} }, l)),
    h('span', { lang: 'en' }, e.hint));
}

const HEADING = { scenario: 'badFile', save: 'badSaveFile', file: 'badAnyFile' } as const;

export function errorList(fileName: string, errors: LoadError[], kind: FileProblemKind = 'scenario'): HTMLElement {
  const l = lang();
  const heading = t(HEADING[kind]);
  return h('div', { className: 'errors', role: 'alert', tabindex: -1, id: 'scenario-errors' },
    h('h3', null, `${heading} — ${fileName}${inParens(String(errors.length))}`),
    h('table', null,
      h('caption', { className: 'sr-only' }, heading),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('errPath')), h('th', { scope: 'col' }, t('errLine')), h('th', { scope: 'col' }, t('errMessage')))),
      h('tbody', null, errors.slice(0, 100).map((e) => h('tr', { className: 'error-row' },
        h('td', null, h('code', null, e.path || '(root)')),
        h('td', null, e.line ? `${e.line}${e.column ? ':' + e.column : ''}` : '—'),
        h('td', null, errorMessage(e, l), hintLine(e, l)),
      ))),
    ),
    errors.length > 100 ? h('p', { className: 'muted' }, scenarioErrorText({ id: 'scn.ui.more', params: { n: errors.length - 100 } }, l)) : null,
    h('button', { type: 'button', onclick: () => setState({ loadErrors: null }) }, t('dismiss')),
  );
}
