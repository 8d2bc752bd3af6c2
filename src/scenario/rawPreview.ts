/**
 * Teaching texts shown from raw (not yet loaded) scenario documents — the title's scenario cards,
 * a class's briefing for students — with their parameters filled as the loader would fill them:
 * `{company.cashUsd}` from the nearest document along the `extends` chain, an objective's own
 * `{minUsd}`/`{max}`/`{byDate}` from that objective. Unvalidated data in; only strings come out.
 */
import { bundledScenarios } from './bundled.ts';
import { fillTextParams } from './textParams.ts';
import { valueAt } from './paths.ts';

type Localized = { en: string; 'zh-CN'?: string };

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Longest `extends` chain followed (bundled files extend once). */
const MAX_EXTENDS_DEPTH = 8;
/** Longest text shown from an unvalidated document. */
const MAX_TEXT_CHARS = 4000;

/**
 * The documents a scenario is made of, nearest first: `docs` as given (an overlay, then the
 * scenario), then each bundled scenario the last of them `extends`.
 */
export function documentChain(...docs: unknown[]): unknown[] {
  const chain = docs.filter((d) => d !== undefined);
  let doc = chain.at(-1);
  for (let i = 0; i < MAX_EXTENDS_DEPTH && isObj(doc) && typeof doc.extends === 'string'; i++) {
    doc = bundledScenarios[doc.extends];
    if (doc !== undefined) chain.push(doc);
  }
  return chain;
}

/** A dotted path's value: the first found along the chain — what the loader's merge gives that field. */
export function chainLookup(chain: readonly unknown[]): (name: string) => unknown {
  return (name) => {
    const path = name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    for (const doc of chain) { const v = valueAt(doc, path); if (v !== undefined) return v; }
    return undefined;
  };
}

/** A `{ en, zh-CN }` text from unvalidated data, or null. */
export function rawText(v: unknown): Localized | null {
  if (!isObj(v) || typeof v.en !== 'string') return null;
  return { en: v.en.slice(0, MAX_TEXT_CHARS), ...(typeof v['zh-CN'] === 'string' ? { 'zh-CN': v['zh-CN'].slice(0, MAX_TEXT_CHARS) } : {}) };
}

/** A text with its parameters filled in each language (a parameter that cannot be filled stays as written). */
export function filledText(text: Localized, lookup: (name: string) => unknown): Localized {
  return { en: fillTextParams(text.en, lookup, 'en'), ...(text['zh-CN'] !== undefined ? { 'zh-CN': fillTextParams(text['zh-CN'], lookup, 'zh-CN') } : {}) };
}

/** The objectives' labels of a raw scenario document (its own list, else the nearest base's), filled. */
export function objectiveLabels(doc: unknown): Localized[] {
  const chain = documentChain(doc);
  const fromRoot = chainLookup(chain);
  const list = chain.map((d) => (isObj(d) && isObj(d.lesson) ? d.lesson.objectives : undefined)).find(Array.isArray) ?? [];
  return list.flatMap((o: unknown) => {
    const label = isObj(o) ? rawText(o.label) : null;
    if (!label || !isObj(o)) return [];
    const own = (name: string) => (!name.includes('.') && Object.prototype.hasOwnProperty.call(o, name) ? o[name] : fromRoot(name));
    return [filledText(label, own)];
  });
}
