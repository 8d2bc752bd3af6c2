/**
 * Messages of the what-if and the class debrief: `dt(key, params)` renders `debrief.<key>` of the
 * game's one message table (the texts are in src/i18n/classMessages.ts) in the current language.
 */
import { lang } from '../i18n.ts';
import { render, type Params } from '../../i18n/render.ts';
import { EN_MESSAGES, ZH_MESSAGES } from '../../i18n/messages.ts';
import type { DebriefKey } from '../../i18n/classMessages.ts';

export type { DebriefKey } from '../../i18n/classMessages.ts';

const TABLES = { en: EN_MESSAGES, zh: ZH_MESSAGES };

/** A message in the current language with its `{name}` parameters filled in. */
export function dt(key: DebriefKey, params: Params = {}): string {
  return render(lang(), TABLES, `debrief.${key}`, params);
}
