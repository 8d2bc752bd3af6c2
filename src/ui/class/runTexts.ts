/**
 * What the class debrief screen shows: the verifier's rows with the texts of their result files,
 * kept in memory (never sent; the results page keeps its own copy per class in IndexedDB, classStore.ts), so the debrief can open a student's run and find
 * the class scenario. The results page (or `window.neocloud.classDebrief`) hands them over with
 * `openClassDebrief`; "forget this class" clears them with `forgetClassDebrief`.
 */
import { setState, type Screen } from '../../store/ui.ts';
import type { DebriefRow } from './debriefData.ts';

export interface DebriefEntry { row: DebriefRow; text: string | null }

let entries: DebriefEntry[] = [];
let backTo: Screen = 'title';

/** Show the class debrief on these rows; Back returns to `from`. */
export function openClassDebrief(list: DebriefEntry[], from: Screen): void {
  entries = list.slice();
  backTo = from === 'classDebrief' ? backTo : from;
  setState({ screen: 'classDebrief' });
}

export function classDebriefEntries(): { entries: DebriefEntry[]; backTo: Screen } {
  return { entries, backTo };
}

export function forgetClassDebrief(): void {
  entries = [];
}

/** The results page's file texts by row key (in memory, for opening runs in the debrief; results.ts restores them from its kept copy). */
const texts = new Map<number, string>();

export function rememberRunText(key: number, text: string): void {
  texts.set(key, text);
}

export function runTextOf(key: number): string | null {
  return texts.get(key) ?? null;
}

export function forgetRunTexts(): void {
  texts.clear();
  forgetClassDebrief();
}
