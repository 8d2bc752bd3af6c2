/**
 * Why a result file is not verified, machine-readable: a message id (`class.why_<id>`, texts in
 * src/i18n/whyMessages.ts) with parameters. The verifier's rows carry a list of them (`why`);
 * the results page renders them in the teacher's language, `npm run verify` in English (the row's
 * `reason`, `whyText(why, 'en')`). `parts` fill a `{parts}` placeholder (joined by `why_sep`);
 * `detail` is technical English (a JSON parser's or the scenario validator's message) added to
 * the English text only, never to another language's.
 */
import type { z } from 'zod';
import { render, type Lang, type Params } from '../i18n/render.ts';
import { WHY_TABLES, type WhyKey } from '../i18n/whyMessages.ts';
import { formatPath, valueAt, type PathSegment } from '../scenario/paths.ts';
import { MAX_FILE_BYTES, utf8Bytes, type FileKind } from '../scenario/limits.ts';

export type WhyId = WhyKey extends `why_${infer K}` ? K : never;

export interface Why {
  id: WhyId;
  params?: Params;
  /** Reasons filling the `{parts}` placeholder. */
  parts?: Why[];
  /** Technical English detail (shown in English only). */
  detail?: string;
}

const MiB = 1024 * 1024;

/** One reason in a language. */
export function whyOne(w: Why, lang: Lang = 'en'): string {
  const params: Params = { ...w.params };
  if (w.parts) params.parts = w.parts.map((p) => whyOne(p, lang)).join(render(lang, WHY_TABLES, 'class.why_sep'));
  const text = render(lang, WHY_TABLES, `class.why_${w.id}`, params);
  return lang === 'en' && w.detail ? `${text} (${w.detail})` : text;
}

/** A row's reasons in a language, joined as sentences. */
export function whyText(list: readonly Why[], lang: Lang = 'en'): string {
  return list.map((w) => whyOne(w, lang)).join(render(lang, WHY_TABLES, 'class.why_then'));
}

/** A file too large to read, or null: the check `textSizeProblem` makes, as a reason. */
export function sizeWhy(kind: FileKind, bytes: number): Why | null {
  const max = MAX_FILE_BYTES[kind];
  if (Number.isFinite(bytes) && bytes >= 0 && bytes <= max) return null;
  return { id: 'tooLarge', params: { sizeMb: Number.isFinite(bytes) ? bytes / MiB : NaN, maxMb: max / MiB } };
}

/** `sizeWhy` for text in memory (cheap first test on the UTF-16 length). */
export function textSizeWhy(kind: FileKind, text: string): Why | null {
  if (text.length <= MAX_FILE_BYTES[kind] / 3) return null;
  return sizeWhy(kind, utf8Bytes(text));
}

type Issue = z.core.$ZodIssue;

const TYPE_IDS: Record<string, WhyId> = { number: 't_number', int: 't_number', string: 't_string', boolean: 't_boolean', object: 't_object', array: 't_array', record: 't_object', null: 't_null' };
/** The schema's own regex messages (result.ts) as ids. */
const FORMAT_IDS: Record<string, WhyId> = {
  'expected a state hash (16 hex digits)': 'z_stateHash',
  'expected a SHA-256 (64 lowercase hex digits)': 'z_sha256',
  'expected a build id (version+12 hex digits)': 'z_buildId',
};

const quoteAll = (values: readonly unknown[]) => values.slice(0, 12).map((v) => JSON.stringify(v)).join(', ') + (values.length > 12 ? ', …' : '');
const boundOf = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v));

/**
 * A zod issue as a reason: the field's path (under `base`) and what is wrong with it, described
 * by the issue's kind — never zod's English message.
 */
export function zodIssueWhy(issue: Issue, input: unknown, base: PathSegment[] = []): Why {
  const path = [...base, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
  const at = (problem: Why, p: PathSegment[] = path): Why => ({ id: 'field', params: { path: formatPath(p) || '(file)' }, parts: [problem] });
  const found = valueAt(input, path.slice(base.length));
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return at({ id: 'z_missing' });
      if (issue.expected === 'int' && typeof found === 'number') return at({ id: 'z_int' });
      return at({ id: 'z_type', params: { expected: `class.why_${TYPE_IDS[issue.expected] ?? 't_other'}` } });
    case 'too_small':
    case 'too_big': {
      const min = issue.code === 'too_small';
      const n = boundOf(min ? (issue as { minimum?: unknown }).minimum : (issue as { maximum?: unknown }).maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return at({ id: min ? 'z_minItems' : 'z_maxItems', params: { n } });
      if (issue.origin === 'string') return at(found === '' ? { id: 'z_empty' } : { id: min ? 'z_minLength' : 'z_maxLength', params: { n } });
      return at({ id: min ? 'z_min' : 'z_max', params: { n } });
    }
    case 'invalid_format':
      return at({ id: FORMAT_IDS[issue.message] ?? 'z_format' });
    case 'invalid_value':
      return at({ id: 'z_oneOf', params: { values: quoteAll(issue.values) } });
    case 'unrecognized_keys':
      return at({ id: 'z_unknownField' }, [...path, issue.keys[0] ?? '?']);
    case 'invalid_union': {
      const literals = issue.errors.flat().flatMap((s) => (s.code === 'invalid_value' ? s.values : []));
      return at(literals.length > 0 ? { id: 'z_oneOf', params: { values: quoteAll(literals) } } : { id: 'z_invalid' });
    }
    case 'custom':
      return at(issue.message === 'the student name is empty' ? { id: 'z_nameEmpty' } : { id: 'z_invalid' });
    default:
      return at({ id: 'z_invalid' });
  }
}

