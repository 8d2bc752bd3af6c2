/**
 * Generated artefacts of the one schema definition: the JSON Schema editors use
 * (`scenarios/scenario.schema.json`) and the field reference in `docs/scenarios.md`.
 * `npm run schema` writes both; test/scenario/generated.test.ts fails when either is stale.
 */
import { z } from 'zod';
import { Scenario, SCHEMA_VERSION } from './schema/index.ts';
import { CommandLogSchema } from './schema/commands.ts';

type JsonSchema = Record<string, unknown>;

/** Remove `required` from every object reached through properties (not through list items). */
function deepPartial(s: unknown): unknown {
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return s;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(s as JsonSchema)) {
    if (k === 'required') continue;
    if (k === 'properties' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v as JsonSchema).map(([pk, pv]) => [pk, deepPartial(pv)]));
    } else if (k === 'anyOf' || k === 'oneOf') {
      // e.g. an optional object: keep partial through it; discriminated unions stay whole (they sit in lists)
      out[k] = (v as unknown[]).map((x) => deepPartial(x));
    } else out[k] = v;
  }
  return out;
}

/**
 * The JSON Schema for scenario files. A file with `"extends"` may leave out anything it inherits:
 * objects become optional at every level, but a list given in the file replaces the inherited
 * list and so must be complete.
 */
export function scenarioJsonSchema(): JsonSchema {
  const full = z.toJSONSchema(Scenario, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const { $schema: _s, ...fullBody } = full;
  const partial = deepPartial(fullBody) as JsonSchema;
  partial.required = ['schemaVersion', 'extends', 'id'];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://neocloud-tycoon.invalid/scenario.schema.json',
    title: `Neocloud Tycoon scenario (format version ${SCHEMA_VERSION})`,
    description: 'Generated from src/scenario/schema by `npm run schema`. Do not edit by hand.',
    if: { required: ['extends'] },
    then: partial,
    else: fullBody,
  };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/**
 * The JSON Schema for runner action files (`sim --actions FILE`): a list of
 * `{ "week": N, "command": { "type": ... } }`, the same command definitions as
 * `lesson.historicalCommands` (src/scenario/schema/commands.ts).
 */
export function actionsJsonSchema(): JsonSchema {
  const body = z.toJSONSchema(CommandLogSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const { $schema: _s, ...rest } = body;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://neocloud-tycoon.invalid/actions.schema.json',
    title: 'Neocloud Tycoon action file (sim --actions)',
    ...rest,
    description: 'Generated from src/scenario/schema/commands.ts by `npm run schema`. Do not edit by hand. Commands in week order, each { "week": N, "command": { "type": ... } }; every command is checked before the run starts.',
  };
}

export function actionsJsonSchemaText(): string {
  return `${JSON.stringify(actionsJsonSchema(), null, 2)}\n`;
}

// ---- field reference ------------------------------------------------------------------------------

interface Row {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

type J = Record<string, unknown>;

const num = (n: unknown): string => (typeof n === 'number' && Math.abs(n) >= 1e5 ? n.toLocaleString('en-US') : String(n));

function isLocalizedJ(j: J): boolean {
  const props = j.properties as J | undefined;
  return j.type === 'object' && props !== undefined && Object.keys(props).join(',') === 'en,zh-CN';
}

function typeOf(j: J): string {
  if (isLocalizedJ(j)) return 'text in two languages `{ "en", "zh-CN" }`';
  if (j.const !== undefined) return `\`${JSON.stringify(j.const)}\``;
  if (Array.isArray(j.enum)) return j.enum.map((v) => `\`${String(v)}\``).join(' or ');
  if (Array.isArray(j.anyOf) || Array.isArray(j.oneOf)) {
    const opts = (j.anyOf ?? j.oneOf) as J[];
    if (opts.every((o) => o.type === 'object')) return 'object: one of the forms below, chosen by `type`';
    const parts = opts.map(typeOf);
    return parts.join(' or ');
  }
  const range = (base: string) => {
    const lo = j.minimum ?? (j.exclusiveMinimum !== undefined ? `>${num(j.exclusiveMinimum)}` : undefined);
    const hi = j.maximum ?? (j.exclusiveMaximum !== undefined ? `<${num(j.exclusiveMaximum)}` : undefined);
    if (lo !== undefined && hi !== undefined) return `${base}, ${num(lo)} to ${num(hi)}`;
    if (lo !== undefined) return `${base}, at least ${num(lo)}`;
    if (hi !== undefined) return `${base}, at most ${num(hi)}`;
    return base;
  };
  switch (j.type) {
    case 'integer':
      return range('whole number');
    case 'number':
      return range('number');
    case 'boolean':
      return '`true` or `false`';
    case 'string': {
      const pat = typeof j.pattern === 'string' ? j.pattern : '';
      if (pat.includes('\\d{4}-')) return 'date `YYYY-MM-DD`';
      if (pat.includes('[a-z0-9]')) return 'id (a-z, 0-9, -)';
      return j.maxLength !== undefined ? `text, up to ${num(j.maxLength)} characters` : 'text';
    }
    case 'array': {
      const lo = (j.minItems as number | undefined) ?? 0;
      const hi = j.maxItems as number | undefined;
      const items = (j.items ?? {}) as J;
      const each = items.type === 'object' || items.anyOf || items.oneOf ? '' : `; each: ${typeOf(items)}`;
      return `list of ${lo}${hi !== undefined ? ` to ${hi}` : ' or more'} items${each}`;
    }
    case 'object':
      return j.additionalProperties && typeof j.additionalProperties === 'object' ? 'object (free form)' : 'object';
    default:
      return 'any';
  }
}

function walkJ(j: J, path: string, required: boolean, rows: Row[]): void {
  if (path !== '') rows.push({ path, type: typeOf(j), required, description: typeof j.description === 'string' ? j.description : '' });
  if (isLocalizedJ(j)) return;
  if (j.type === 'object' && j.properties) {
    const req = new Set((j.required as string[] | undefined) ?? []);
    for (const [k, child] of Object.entries(j.properties as J)) walkJ(child as J, path ? `${path}.${k}` : k, req.has(k), rows);
  } else if (j.type === 'array' && j.items && typeof j.items === 'object') {
    const items = j.items as J;
    if (items.type === 'object' || Array.isArray(items.anyOf) || Array.isArray(items.oneOf)) walkJ(items, `${path}[]`, true, rows);
  } else if (Array.isArray(j.anyOf) || Array.isArray(j.oneOf)) {
    const options = ((j.anyOf ?? j.oneOf) as J[]).filter((o) => o.type === 'object');
    for (const o of options) {
      const props = (o.properties ?? {}) as Record<string, J>;
      const tag = props.type?.const;
      if (tag === undefined) continue;
      const req = new Set((o.required as string[] | undefined) ?? []);
      rows.push({ path: `${path} with type "${String(tag)}"`, type: 'object', required: true, description: typeof o.description === 'string' ? o.description : '' });
      for (const [k, child] of Object.entries(props)) if (k !== 'type') walkJ(child, `${path}.${k}`, req.has(k), rows);
    }
  }
}

export function fieldRows(): Row[] {
  const full = z.toJSONSchema(Scenario, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as J;
  const rows: Row[] = [];
  walkJ(full, '', true, rows);
  return rows;
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown for the generated field reference section of docs/scenarios.md. */
export function fieldReferenceMarkdown(): string {
  const rows = fieldRows();
  const sections = new Map<string, Row[]>();
  for (const r of rows) {
    const top = /^[A-Za-z$]+[.[ ]/.test(r.path) || rows.some((o) => o.path.startsWith(`${r.path}.`) || o.path.startsWith(`${r.path}[`)) ? (r.path.split(/[.[ ]/)[0] ?? r.path) : '(top level)';
    const list = sections.get(top) ?? [];
    list.push(r);
    sections.set(top, list);
  }
  const out: string[] = [];
  for (const [top, list] of sections) {
    out.push(top === '(top level)' ? '### Top level' : `### \`${top}\``, '', '| Field | Type and range | Required | Meaning |', '|---|---|---|---|');
    for (const r of list) out.push(`| \`${esc(r.path)}\` | ${esc(r.type)} | ${r.required ? 'yes' : 'no'} | ${esc(r.description)} |`);
    out.push('');
  }
  return out.join('\n');
}

export const DOC_BEGIN = '<!-- BEGIN GENERATED FIELD REFERENCE (npm run schema) -->';
export const DOC_END = '<!-- END GENERATED FIELD REFERENCE -->';

/** The doc with its generated section replaced (or undefined when the markers are missing). */
export function withFieldReference(doc: string): string | undefined {
  const a = doc.indexOf(DOC_BEGIN);
  const b = doc.indexOf(DOC_END);
  if (a < 0 || b < a) return undefined;
  return `${doc.slice(0, a + DOC_BEGIN.length)}\n\n${fieldReferenceMarkdown()}\n${doc.slice(b)}`;
}
