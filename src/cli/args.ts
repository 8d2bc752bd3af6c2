/**
 * Tiny argument parser shared by the CLIs: `--name value` pairs and bare files. Bad arguments end
 * the process with a one-line error and exit code 2 (no stack trace); an option given twice is an
 * error (not "the last one wins"); `-h` / `--help` prints the usage and exits 0.
 */
import { loadScenarioText } from '../scenario/load.ts';
import { LIMITS } from '../scenario/errors.ts';
import { readBounded } from './readFile.ts';
import type { Scenario } from '../scenario/schema/index.ts';

export function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

export function parseArgs(argv: string[], known: string[], flags: string[] = [], usage?: string): { opts: Record<string, string>; files: string[] } {
  const opts: Record<string, string> = {};
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      if (usage === undefined) fail(`${a}: no help for this command`);
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (Object.prototype.hasOwnProperty.call(opts, name)) fail(`--${name} is given twice; give it once`);
      if (flags.includes(name)) { opts[name] = 'true'; continue; }
      if (!known.includes(name)) fail(`unknown option --${name} (known: ${[...known, ...flags].map((k) => `--${k}`).join(', ')}${usage !== undefined ? ', --help' : ''})`);
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) fail(`--${name} needs a value`);
      opts[name] = v;
      i++;
    } else if (a.startsWith('-') && a !== '-') fail(`unknown option ${a}${usage !== undefined ? ' (see --help)' : ''}`);
    else files.push(a);
  }
  return { opts, files };
}

export function intArg(opts: Record<string, string>, name: string, min: number, max: number): number | undefined {
  const v = opts[name];
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) fail(`--${name} must be a whole number, got "${v}"`);
  const n = Number(v);
  if (n < min || n > max) fail(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function enumArg<T extends string>(opts: Record<string, string>, name: string, values: readonly T[]): T | undefined {
  const v = opts[name];
  if (v === undefined) return undefined;
  if (!(values as readonly string[]).includes(v)) fail(`--${name} must be one of ${values.join('|')}, got "${v}"`);
  return v as T;
}

/** Read a user's file of some kind with the bounded reader; unreadable → "cannot read KIND file F: why", exit 2. */
export function readTextFile(file: string, kind: string, maxBytes: number): string {
  const r = readBounded(file, maxBytes);
  if (!r.ok) fail(`cannot read ${kind} file ${file}: ${r.why}`);
  return r.text;
}

/** Read and validate a scenario file; invalid → the validator's messages on stderr, exit 2. */
export function readScenario(file: string): Scenario {
  const text = readTextFile(file, 'scenario', LIMITS.maxBytes);
  const r = loadScenarioText(text, { fileName: file });
  if (!r.ok) {
    // One line (the runner's contract); `scenario:check` prints every error with its context.
    const e = r.errors[0];
    const at = e ? `${e.line !== undefined ? `line ${e.line}:${e.column ?? 1} ` : ''}${e.path ? `${e.path}: ` : ''}${e.message}` : 'unknown error';
    const more = r.errors.length > 1 ? ` (+${r.errors.length - 1} more)` : '';
    fail(`${file} is not a valid scenario: ${at.replace(/\s*\n\s*/g, ' ')}${more}; see npm run scenario:check -- ${file}`);
  }
  return r.scenario;
}
