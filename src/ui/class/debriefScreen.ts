/** The class debrief as a screen of the app: the rows handed over by `openClassDebrief` (runTexts.ts). */
import { setState } from '../../store/ui.ts';
import * as app from '../app.ts';
import { renderClassDebrief } from './debrief.ts';
import { classDebriefEntries, type DebriefEntry } from './runTexts.ts';

export function renderClassDebriefScreen(root: HTMLElement): () => void {
  const { entries, backTo } = classDebriefEntries();
  const texts = new Map<DebriefEntry['row'], string | null>(entries.map((e) => [e.row, e.text]));
  let dispose: (() => void) | null = null;
  let gone = false;
  void app.ensureHost().then((host) => {
    if (gone) return;
    dispose = renderClassDebrief(root, {
      rows: entries.map((e) => e.row),
      textOf: (row) => texts.get(row) ?? null,
      host,
      onBack: () => setState({ screen: backTo }),
    });
  });
  return () => { gone = true; dispose?.(); };
}
