/**
 * Turning untrusted JSON text into plain data, with positions for every value so errors can point
 * at a line and column. Size and depth are checked before parsing; syntax errors are all reported
 * with line and column; forbidden keys (`__proto__` …) and duplicate keys are errors.
 */
import { parseTree, findNodeAtLocation, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { FORBIDDEN_KEYS, LIMITS, type ScenarioError } from './errors.ts';
import { em, type ErrMsg } from './errMsg.ts';
import { formatPath, type PathSegment } from './paths.ts';

export interface Position {
  line: number;
  column: number;
  length: number;
}

/** Maps character offsets to 1-based line and column. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  position(offset: number, length = 1): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.starts[lo] ?? 0;
    const nextStart = this.starts[lo + 1] ?? this.text.length + 1;
    const maxLen = Math.max(1, nextStart - 1 - offset);
    return { line: lo + 1, column: offset - lineStart + 1, length: Math.max(1, Math.min(length, maxLen)) };
  }
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const end = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(start, end - 1).replace(/\r$/, '');
  }
}

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Deepest nesting of [ and { outside strings, found in one linear pass; stops at `limit + 1`. */
export function nestingDepth(text: string, limit: number): { depth: number; offset: number } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > limit) return { depth, offset: i };
    } else if (c === 125 || c === 93) depth = Math.max(0, depth - 1);
  }
  return { depth: 0, offset: -1 };
}

/** jsonc-parser's error codes with a message of their own (`scn.json.<code>`, scenarioErrorMessages.ts). */
const SYNTAX_CODES: ReadonlySet<string> = new Set([
  'InvalidSymbol', 'InvalidNumberFormat', 'PropertyNameExpected', 'ValueExpected', 'ColonExpected', 'CommaExpected',
  'CloseBraceExpected', 'CloseBracketExpected', 'EndOfFileExpected', 'InvalidCommentToken', 'UnexpectedEndOfComment',
  'UnexpectedEndOfString', 'UnexpectedEndOfNumber', 'InvalidUnicode', 'InvalidEscapeCharacter', 'InvalidCharacter',
]);
const syntaxError = (code: string) => em('scn.json.syntax', SYNTAX_CODES.has(code) ? { what: `scn.json.${code}` } : { what: 'scn.json.code', code });

export interface ParsedText {
  value: unknown;
  /** Position of the value (or, with `key`, of the field name) at a path; undefined when not in the text. */
  locate(path: readonly PathSegment[], key?: boolean): Position | undefined;
  lines: LineIndex;
}

export type ParseTextResult = { ok: true; parsed: ParsedText; errors: ScenarioError[] } | { ok: false; errors: ScenarioError[] };

function fileError(e: { message: string; msg: ErrMsg }, lines?: LineIndex, offset?: number): ScenarioError {
  if (lines && offset !== undefined && offset >= 0) {
    const p = lines.position(offset);
    return { path: '(file)', ...e, line: p.line, column: p.column, length: p.length };
  }
  return { path: '(file)', ...e };
}

/**
 * Parse JSON text. Syntax problems and limit breaches stop here (ok: false). Forbidden and
 * duplicate keys are reported but the rest of the document is still returned (ok: true with
 * errors), so every other problem can be reported at the same time.
 */
export function parseJsonText(text: string): ParseTextResult {
  if (typeof text !== 'string') return { ok: false, errors: [fileError(em('scn.json.notText'))] };
  if (text.length > LIMITS.maxBytes || utf8Length(text) > LIMITS.maxBytes) {
    return { ok: false, errors: [fileError(em('scn.json.tooBig', { mb: (utf8Length(text) / 1024 / 1024).toFixed(1), maxMb: LIMITS.maxBytes / 1024 / 1024 }))] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text; // a byte-order mark is harmless
  const lines = new LineIndex(body);
  if (body.trim() === '') return { ok: false, errors: [fileError(em('scn.json.empty'))] };
  const deep = nestingDepth(body, LIMITS.maxDepth);
  if (deep.offset >= 0) {
    return { ok: false, errors: [fileError(em('scn.json.tooDeep', { max: LIMITS.maxDepth }), lines, deep.offset)] };
  }
  const parseErrors: ParseError[] = [];
  const tree = parseTree(body, parseErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (parseErrors.length > 0 || tree === undefined) {
    const errors: ScenarioError[] = [];
    const seenLines = new Set<number>();
    for (const pe of parseErrors) {
      const p = lines.position(pe.offset, pe.length);
      if (seenLines.has(p.line)) continue; // one error per line: later ones are usually knock-on effects
      seenLines.add(p.line);
      const code = printParseErrorCode(pe.error);
      errors.push({ path: '(file)', ...syntaxError(code), line: p.line, column: p.column, length: p.length });
      if (errors.length >= 20) break;
    }
    if (errors.length === 0) errors.push(fileError(em('scn.json.syntax', { what: 'scn.json.noValue' })));
    return { ok: false, errors };
  }

  const errors: ScenarioError[] = [];
  let nodes = 0;
  const build = (node: Node, path: PathSegment[]): unknown => {
    nodes++;
    if (nodes > LIMITS.maxNodes) throw new TooBig();
    switch (node.type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        const seen = new Set<string>();
        for (const prop of node.children ?? []) {
          const keyNode = prop.children?.[0];
          const valueNode = prop.children?.[1];
          if (!keyNode || !valueNode) continue;
          const key = String(keyNode.value);
          const p = lines.position(keyNode.offset, keyNode.length);
          const where = { line: p.line, column: p.column, length: p.length };
          if (FORBIDDEN_KEYS.has(key)) {
            errors.push({ path: formatPath([...path, key]), ...em('scn.json.forbiddenKey', { key: JSON.stringify(key) }), ...where });
            continue;
          }
          if (seen.has(key)) {
            errors.push({ path: formatPath([...path, key]), ...em('scn.json.duplicateKey', { key: JSON.stringify(key) }), ...where });
            continue;
          }
          seen.add(key);
          Object.defineProperty(out, key, { value: build(valueNode, [...path, key]), enumerable: true, writable: true, configurable: true });
        }
        return out;
      }
      case 'array':
        return (node.children ?? []).map((child, i) => build(child, [...path, i]));
      default:
        return node.value;
    }
  };
  let value: unknown;
  try {
    value = build(tree, []);
  } catch (e) {
    if (e instanceof TooBig) return { ok: false, errors: [fileError(em('scn.json.tooManyValues', { max: LIMITS.maxNodes }))] };
    throw e;
  }
  const locate = (path: readonly PathSegment[], key = false): Position | undefined => {
    const node = findNodeAtLocation(tree, [...path]);
    if (!node) return undefined;
    if (key && node.parent?.type === 'property' && node.parent.children?.[0]) {
      const k = node.parent.children[0];
      return lines.position(k.offset, k.length);
    }
    return lines.position(node.offset, node.type === 'object' || node.type === 'array' ? 1 : node.length);
  };
  return { ok: true, parsed: { value, locate, lines }, errors };
}

class TooBig extends Error {}
