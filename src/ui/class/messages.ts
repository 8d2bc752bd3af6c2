/**
 * Class mode's UI strings: `ct(key, params)` renders `class.<key>` of the game's one message table
 * (the texts are in src/i18n/classMessages.ts) in the current language.
 */
import { lang } from '../i18n.ts';
import { render, type Params } from '../../i18n/render.ts';
import { EN_MESSAGES, ZH_MESSAGES } from '../../i18n/messages.ts';
import type { ClassMsg } from '../../i18n/classMessages.ts';

export type { ClassMsg } from '../../i18n/classMessages.ts';

const TABLES = { en: EN_MESSAGES, zh: ZH_MESSAGES };

/** A class-mode string in the current language, `{name}` parameters filled in. */
export function ct(key: ClassMsg, params?: Params): string {
  return render(lang(), TABLES, `class.${key}`, params);
}
