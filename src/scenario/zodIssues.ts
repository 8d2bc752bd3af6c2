/** Turning zod issues into teacher-readable errors: path, what was expected, what was found. */
import type { z } from 'zod';
import { closest, didYouMean } from './suggest.ts';
import { describeValue, valueAt, type PathSegment } from './paths.ts';
import { descriptionAt, knownKeysAt, schemaAt, defOf, unwrap } from './schemaWalk.ts';
import type { RawError } from './rawError.ts';

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text in double quotes',
  boolean: 'true or false',
  object: 'an object { ... }',
  array: 'a list [ ... ]',
  record: 'an object { ... }',
  null: 'null',
  literal: 'a fixed value',
};

function quoteAll(values: readonly unknown[]): string {
  const shown = values.slice(0, 25).map((v) => JSON.stringify(v));
  return shown.join(', ') + (values.length > 25 ? ', …' : '');
}

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean }, kind: 'min' | 'max'): string {
  const n = kind === 'min' ? issue.minimum : issue.maximum;
  const num = typeof n === 'bigint' ? Number(n) : (n as number);
  const shown = Math.abs(num) >= 1e4 ? num.toLocaleString('en-US') : String(num);
  if (kind === 'min') return issue.inclusive === false ? `greater than ${shown}` : `at least ${shown}`;
  return issue.inclusive === false ? `less than ${shown}` : `at most ${shown}`;
}

function convertOne(issue: Issue, root: z.ZodType, input: unknown, out: RawError[]): void {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol') as PathSegment[];
  const found = valueAt(input, path);
  const hint = (): string | undefined => descriptionAt(root, path, input);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = isLocalizedAt(root, path, input) ? 'a text in two languages { "en": "…", "zh-CN": "…" } (Chinese optional)' : (TYPE_NAMES[issue.expected] ?? issue.expected);
      if (found === undefined) out.push({ path, message: `required field is missing (expected ${expected})`, hint: hint() });
      else if (issue.expected === 'int' && typeof found === 'number') out.push({ path, message: `expected a whole number, found ${found}`, hint: hint() });
      else if (typeof found === 'number' && !Number.isFinite(found)) out.push({ path, message: `expected a finite number, found ${describeValue(found)}`, hint: hint() });
      else out.push({ path, message: `expected ${expected}, found ${describeValue(found)}`, hint: hint() });
      return;
    }
    case 'too_small':
    case 'too_big': {
      const kind = issue.code === 'too_small' ? 'min' : 'max';
      if (issue.origin === 'array' || issue.origin === 'set') {
        const n = Array.isArray(found) ? found.length : 0;
        out.push({ path, message: `must have ${bound(issue, kind)} item${Number(kind === 'min' ? (issue as { minimum?: unknown }).minimum : (issue as { maximum?: unknown }).maximum) === 1 ? '' : 's'}, found ${n}`, hint: hint() });
      } else if (issue.origin === 'string') {
        const n = typeof found === 'string' ? found.length : 0;
        out.push({ path, message: n === 0 ? 'must not be empty' : `must be ${bound(issue, kind)} characters long, found ${n}`, hint: hint() });
      } else {
        out.push({ path, message: `must be ${bound(issue, kind)}, found ${describeValue(found)}`, hint: hint() });
      }
      return;
    }
    case 'invalid_format':
      out.push({ path, message: `expected ${issue.message}, found ${describeValue(found)}`, hint: hint() });
      return;
    case 'invalid_value': {
      const values = issue.values;
      const sugg = typeof found === 'string' ? didYouMean(found, values.filter((v): v is string => typeof v === 'string')) : '';
      const expected = values.length === 1 ? JSON.stringify(values[0]) : `one of ${quoteAll(values)}`;
      out.push({ path, message: `expected ${expected}, found ${describeValue(found)}.${sugg}`.replace(/\.\./, '.'), hint: hint() });
      return;
    }
    case 'unrecognized_keys': {
      const known = knownKeysAt(root, path, input);
      for (const key of issue.keys) {
        const c = closest(key, known);
        const tail = c !== undefined ? ` Did you mean ${JSON.stringify(c)}?` : known.length > 0 && known.length <= 14 ? ` Fields allowed here: ${known.join(', ')}.` : '';
        out.push({ path: [...path, key], atKey: true, message: `unknown field ${JSON.stringify(key)}.${tail}` });
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
          out.push({ path: tagPath.slice(0, -1), message: `expected an object { "${u.discriminator}": ..., ... }, found ${describeValue(parent)}` });
          return;
        }
        const sugg = typeof tag === 'string' ? didYouMean(tag, u.options.filter((o): o is string => typeof o === 'string')) : '';
        out.push({
          path: tagPath,
          message: tag === undefined ? `required field is missing: expected one of ${quoteAll(u.options)}` : `expected one of ${quoteAll(u.options)}, found ${describeValue(tag)}.${sugg}`.replace(/\.\./, '.'),
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
      if (allLiterals && literals.length > 0) out.push({ path, message: `expected one of ${quoteAll(literals)}, found ${describeValue(found)}`, hint: hint() });
      else out.push({ path, message: `does not match any allowed form, found ${describeValue(found)}`, hint: hint() });
      return;
    }
    case 'custom':
      // Refinements written as an expected form ("a real calendar date") read as expected/found.
      out.push({ path, message: /^an? /.test(issue.message) ? `expected ${issue.message}, found ${describeValue(found)}` : issue.message, hint: hint() });
      return;
    default:
      out.push({ path, message: `${issue.message}, found ${describeValue(found)}`, hint: hint() });
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
