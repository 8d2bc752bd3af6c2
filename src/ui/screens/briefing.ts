/** Briefing before play: the scenario's story, objectives and starting position. */
import { h } from '../dom.ts';
import { t, loc, int, inParens, usdInWords } from '../i18n.ts';
import { getState, setState } from '../../store/ui.ts';
import * as app from '../app.ts';
import { withTerms, glossaryEntries } from '../glossary.ts';
import { msg } from '../advice.ts';
import { SOLVENT_BOOKS_LABEL } from '../../engine/sharedObjectives.ts';

export function renderBriefing(root: HTMLElement): () => void {
  const sc = getState().scenario;
  if (!sc) { app.goTitle(); return () => {}; }
  const c = sc.company;
  const snap = getState().snapshot;
  const opening = snap && snap.week === 0 ? snap.player : null;
  const gpus = c.gpus.map((g) => `${int(g.count)} × ${sc.gpus.find((m) => m.id === g.modelId)?.name ?? g.modelId}`).join(', ') || '—';
  const mw = c.sites.reduce((a, s) => a + s.powerMw, 0);
  const view = h('main', { className: 'briefing', id: 'briefing' },
    h('div', { className: 'briefing-inner' },
      h('p', { className: 'muted' }, t('briefing')),
      h('h1', null, loc(sc.title)),
      // The story with its jargon explained in place (hover or focus a dotted word), and the glossary below.
      h('div', { className: 'story' }, withTerms(loc(sc.lesson.teaching.briefing))),
      h('div', { className: 'two-col' },
        h('div', { className: 'box' }, h('h3', null, t('objectives')), h('ul', { id: 'briefing-objectives' }, [...sc.lesson.objectives.map((o) => o.label), SOLVENT_BOOKS_LABEL].map((label) => h('li', null, withTerms(loc(label)))))),
        h('div', { className: 'box' }, h('h3', null, t('startingPosition')),
          h('dl', { className: 'kv' },
            h('dt', null, t('company')), h('dd', null, c.name),
            // The engine's opening cash (the game's week 0), which includes what customers prepaid on the opening contracts.
            // Money in the words the story and the objectives use (usdWords), so 中文 reads 亿美元 / 万美元 throughout.
            h('dt', null, t('cash')), h('dd', { id: 'briefing-cash' }, usdInWords(opening?.cashUsd ?? c.cashUsd), opening && opening.deferredRevenueUsd > 0 ? h('span', { className: 'muted' }, inParens(t('inclPrepaid').replace('{usd}', usdInWords(opening.deferredRevenueUsd)))) : null),
            h('dt', null, t('gpusHead')), h('dd', null, gpus),
            h('dt', null, t('sites')), h('dd', null, `${c.sites.length} · ${mw} MW`),
            h('dt', null, t('debt')), h('dd', null, usdInWords(c.debt.reduce((a, d) => a + d.principalUsd, 0))),
            h('dt', null, t('contracts')), h('dd', null, String(c.contracts.length)),
            // The scenario's figure is the last round's post-money; the game's valuation (top bar) is the week's mark.
            h('dt', null, t('lastRoundPostMoney')), h('dd', null, usdInWords(c.lastValuationUsd)),
            h('dt', null, t('seed')), h('dd', null, String(getState().seed)),
          ),
        ),
      ),
      h('div', { className: 'box two-col-span' }, h('h3', null, t('learning')), h('ul', null, sc.lesson.teaching.learningObjectives.map((o) => h('li', null, withTerms(loc(o)))))),
      h('details', { className: 'box two-col-span', id: 'briefing-glossary' }, h('summary', null, msg('glossary')),
        h('dl', { className: 'glossary' }, glossaryEntries().map((e) => [h('dt', null, e.term), h('dd', null, e.definition)]))),
      h('div', { className: 'row briefing-actions' },
        h('button', { type: 'button', onclick: () => app.goTitle() }, '◂ ' + t('back')),
        h('button', { type: 'button', className: 'primary', id: 'start-game', onclick: () => setState({ screen: 'game' }) }, t('startGame') + ' ▸'),
      ),
    ),
  );
  root.replaceChildren(view);
  (document.getElementById('start-game') as HTMLButtonElement).focus();
  return () => {};
}
