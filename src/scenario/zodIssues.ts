/** Turning zod issues into teacher-readable errors: path, what was expected, what was found. */
import type { z } from 'zod';
import { closest } from './suggest.ts';
import { valueAt, type PathSegment } from './paths.ts';
import { em, foundParams, suggParams, type ErrMsg } from './errMsg.ts';
import type { Params } from '../i18n/render.ts';
import { descriptionAt, knownKeysAt, schemaAt, defOf, unwrap } from './schemaWalk.ts';
import type { RawError } from './rawError.ts';

type Issue = z.core.$ZodIssue;

/** zod's type names → ids of what was expected (scenarioErrorMessages.ts `scn.type.*`). */
const TYPE_IDS: Record<string, string> = {
  number: 'scn.type.number',
  int: 'scn.type.int',
  string: 'scn.type.string',
  boolean: 'scn.type.boolean',
  object: 'scn.type.object',
  array: 'scn.type.array',
  record: 'scn.type.object',
  null: 'scn.type.null',
  literal: 'scn.type.literal',
};

/** The schema's own format and refinement messages (schema/common.ts) → ids; others stay as written. */
const FORMAT_IDS: Record<string, string> = {
  'an id of lowercase letters, digits and dashes (at most 48 characters)': 'scn.fmt.id',
  'a date written YYYY-MM-DD': 'scn.fmt.date',
  'a real calendar date (that month has fewer days)': 'scn.fmt.realDate',
};
const expectedText = (text: string): Params => (FORMAT_IDS[text] ? { expected: FORMAT_IDS[text] } : { expected: 'scn.type.raw', ev: text });

function quoteAll(values: readonly unknown[]): string {
  const shown = values.slice(0, 25).map((v) => JSON.stringify(v));
  return shown.join(', ') + (values.length > 25 ? ', …' : '');
}

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean }, kind: 'min' | 'max'): Params {
  const n = kind === 'min' ? issue.minimum : issue.maximum;
  const num = typeof n === 'bigint' ? Number(n) : (n as number);
  const bn = Math.abs(num) >= 1e4 ? num.toLocaleString('en-US') : String(num);
  if (kind === 'min') return { bound: issue.inclusive === false ? 'scn.bound.minEx' : 'scn.bound.min', bn };
  return { bound: issue.inclusive === false ? 'scn.bound.maxEx' : 'scn.bound.max', bn };
}

/** "expected …, found ….{did you mean}" with the English text's old doubled-stop fix. */
function withSugg(params: Params): { message: string; msg: ErrMsg } {
  const e = em('scn.expectedFoundSugg', params);
  return { message: e.message.replace(/\.\./, '.'), msg: e.msg };
}

/** A date in the YYYY-MM-DD shape whose month or day cannot exist (2027-13-01, 2027-01-32). */
function notRealDate(found: unknown): { message: string; msg: ErrMsg } | undefined {
  const m = typeof found === 'string' ? /^\d{4}-(\d{2})-(\d{2})$/.exec(found) : null;
  if (!m) return undefined;
  const month = Number(m[1]);
  const fv = JSON.stringify(found);
  if (month < 1 || month > 12) return em('scn.noSuchMonth', { fv, bad: m[1]! });
  return em('scn.noSuchDay', { fv, bad: m[2]! });
}

function convertOne(issue: Issue, root: z.ZodType, input: unknown, out: RawError[]): void {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol') as PathSegment[];
  const found = valueAt(input, path);
  const fp = foundParams(found);
  const hint = (): string | undefined => descriptionAt(root, path, input);
  switch (issue.code) {
    case 'invalid_type': {
      const expected: Params = isLocalizedAt(root, path, input) ? { expected: 'scn.type.localized' } : TYPE_IDS[issue.expected] ? { expected: TYPE_IDS[issue.expected]! } : { expected: 'scn.type.raw', ev: issue.expected };
      if (found === undefined) out.push({ path, ...em('scn.missing', expected), hint: hint() });
      else if (issue.expected === 'int' && typeof found === 'number') out.push({ path, ...em('scn.notWhole', { fv: String(found) }), hint: hint() });
      else if (typeof found === 'number' && !Number.isFinite(found)) out.push({ path, ...em('scn.notFinite', fp), hint: hint() });
      else out.push({ path, ...em('scn.expectedFound', { ...expected, ...fp }), hint: hint() });
      return;
    }
    case 'too_small':
    case 'too_big': {
      const kind = issue.code === 'too_small' ? 'min' : 'max';
      if (issue.origin === 'array' || issue.origin === 'set') {
        const n = Array.isArray(found) ? found.length : 0;
        const one = Number(kind === 'min' ? (issue as { minimum?: unknown }).minimum : (issue as { maximum?: unknown }).maximum) === 1;
        out.push({ path, ...em(one ? 'scn.items1' : 'scn.itemsN', { ...bound(issue, kind), count: n }), hint: hint() });
      } else if (issue.origin === 'string') {
        const n = typeof found === 'string' ? found.length : 0;
        out.push({ path, ...(n === 0 ? em('scn.empty') : em('scn.chars', { ...bound(issue, kind), count: n })), hint: hint() });
      } else {
        out.push({ path, ...em('scn.range', { ...bound(issue, kind), ...fp }), hint: hint() });
      }
      return;
    }
    case 'invalid_format': {
      // Written YYYY-MM-DD but not a real date: say so rather than asking for the shape it has.
      const unreal = FORMAT_IDS[issue.message] === 'scn.fmt.date' ? notRealDate(found) : undefined;
      out.push({ path, ...(unreal ?? em('scn.expectedFound', { ...expectedText(issue.message), ...fp })), hint: hint() });
      return;
    }
    case 'invalid_value': {
      const values = issue.values;
      const c = typeof found === 'string' ? closest(found, values.filter((v): v is string => typeof v === 'string')) : undefined;
      const expected: Params = values.length === 1 ? { expected: 'scn.exp.one', ev: JSON.stringify(values[0]) } : { expected: 'scn.exp.oneOf', ev: quoteAll(values) };
      out.push({ path, ...withSugg({ ...expected, ...fp, ...suggParams(c) }), hint: hint() });
      return;
    }
    case 'unrecognized_keys': {
      const known = knownKeysAt(root, path, input);
      for (const key of issue.keys) {
        const c = closest(key, known);
        const tail: Params = c !== undefined ? suggParams(c) : known.length > 0 && known.length <= 14 ? { sugg: 'scn.allowedHere', allowed: known.join(', ') } : { sugg: 'scn.none' };
        out.push({ path: [...path, key], atKey: true, ...em('scn.unknownKey', { key: JSON.stringify(key), tail: tail.sugg!, ...tail }) });
      }
      return;
    }
    case 'invalid_union': {
      const u = issue as Issue & { discriminator?: string; options?: unknown[]; note?: string };
      if (u.discriminator !== undefined && u.options) {
        // zod puts the discriminator key on the path.
        const tagPath = path[path.length - 1] === u.discriminator ? path : [...path, u.discriminator];
        const tag = valueAt(input, tagPath);
        const parent = valueAt(input, tagPath.slice(0, -1));
        if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) {
          out.push({ path: tagPath.slice(0, -1), ...em('scn.unionObject', { disc: u.discriminator, ...foundParams(parent) }) });
          return;
        }
        const c = typeof tag === 'string' ? closest(tag, u.options.filter((o): o is string => typeof o === 'string')) : undefined;
        out.push({
          path: tagPath,
          ...(tag === undefined ? em('scn.unionMissing', { ev: quoteAll(u.options) }) : withSugg({ expected: 'scn.exp.oneOf', ev: quoteAll(u.options), ...foundParams(tag), ...suggParams(c) })),
        });
        return;
      }
      // A plain union (e.g. 4 | 5 | 6): list what each branch wanted.
      const literals: unknown[] = [];
      let allLiterals = true;
      for (const branch of issue.errors) {
        for (const sub of branch) {
          if (sub.code === 'invalid_value') literals.push(...sub.values);
          else allLiterals = false;
        }
      }
      if (allLiterals && literals.length > 0) out.push({ path, ...em('scn.expectedFound', { expected: 'scn.exp.oneOf', ev: quoteAll(literals), ...fp }), hint: hint() });
      else out.push({ path, ...em('scn.noForm', fp), hint: hint() });
      return;
    }
    case 'custom':
      // Refinements written as an expected form ("a real calendar date") read as expected/found.
      out.push({ path, ...(/^an? /.test(issue.message) ? em('scn.expectedFound', { ...expectedText(issue.message), ...fp }) : em('scn.raw', { text: issue.message })), hint: hint() });
      return;
    default:
      out.push({ path, ...em('scn.rawFound', { text: issue.message, ...fp }), hint: hint() });
  }
}

export function zodIssuesToErrors(issues: readonly Issue[], root: z.ZodType, input: unknown): RawError[] {
  const out: RawError[] = [];
  const samePath = (a: Issue, b: Issue) => a.path.length === b.path.length && a.path.every((p, i) => p === b.path[i]);
  for (const issue of issues) {
    // zod's safe-integer range ("at most 9,007,199,254,740,991") says less than the field's own bound.
    const safeIntRange = (issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'int';
    if (safeIntRange && issues.some((o) => o !== issue && samePath(o, issue))) continue;
    convertOne(issue, root, input, out);
  }
  return out;
}

function isLocalizedAt(root: z.ZodType, path: PathSegment[], input: unknown): boolean {
  const s = schemaAt(root, path, input);
  if (!s) return false;
  const d = defOf(unwrap(s));
  return d.type === 'object' && Object.keys(d.shape ?? {}).join(',') === 'en,zh-CN';
}
