/**
 * `npm run --silent scenario:check -- [--format text|json] FILE...`
 * Checks scenario files. Exit 0 when all are valid, 1 when any is not, 2 for bad arguments.
 * With `--format json` prints `[{ "file", "valid", "errors": [{ "path", "message", "line"?, "column"? }] }]`.
 */
import { loadScenarioText, formatErrors, type ScenarioError } from '../scenario/load.ts';
import { LIMITS } from '../scenario/errors.ts';
import { readBounded } from './readFile.ts';

const USAGE = 'usage: npm run --silent scenario:check -- [--format text|json] FILE...';

interface Report {
  file: string;
  valid: boolean;
  errors: { path: string; message: string; line?: number; column?: number }[];
  /** Present (true) for a JSON Schema file that a wildcard picked up. */
  skipped?: true;
}

function parseArgs(argv: string[]): { format: 'text' | 'json'; files: string[] } | string {
  let format: 'text' | 'json' = 'text';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'text' && v !== 'json') return `--format must be "text" or "json", got ${JSON.stringify(v ?? '')}`;
      format = v;
    } else if (a === '--help' || a === '-h') return '';
    else if (a === '--') continue;
    else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
    else files.push(a);
  }
  if (files.length === 0) return 'no files given';
  return { format, files };
}

function checkFile(file: string): { report: Report; text?: string; errors: ScenarioError[]; skipped?: boolean } {
  const read = readBounded(file, LIMITS.maxBytes);
  if (!read.ok) {
    const errors = [{ path: '(file)', message: `cannot read the file: ${read.why}` }];
    return { report: { file, valid: false, errors }, errors };
  }
  const text = read.text;
  if (/"\$schema"\s*:\s*"http:\/\/json-schema\.org\//.test(text.slice(0, 200))) {
    // scenarios/scenario.schema.json sits beside the scenarios, so `scenarios/*.json` picks it up.
    return { report: { file, valid: true, errors: [], skipped: true }, errors: [], skipped: true };
  }
  const r = loadScenarioText(text, { fileName: file });
  const errors = r.ok ? [] : r.errors;
  const report: Report = {
    file,
    valid: r.ok,
    errors: errors.map((e) => ({ path: e.path, message: e.message, ...(e.line !== undefined ? { line: e.line, column: e.column } : {}) })),
  };
  return { report, text, errors };
}

const args = parseArgs(process.argv.slice(2));
if (typeof args === 'string') {
  if (args === '') {
    console.log(USAGE);
    process.exit(0);
  }
  console.error(`scenario:check: ${args}\n${USAGE}`);
  process.exit(2);
}
const results = args.files.map(checkFile);
if (args.format === 'json') {
  console.log(JSON.stringify(results.map((r) => r.report), null, 2));
} else {
  for (const r of results) {
    if (r.skipped) console.log(`- ${r.report.file}: skipped (the JSON Schema, not a scenario)`);
    else if (r.report.valid) console.log(`✓ ${r.report.file}: valid`);
    else console.log(`✗ ${r.report.file}: ${r.errors.length} error${r.errors.length === 1 ? '' : 's'}\n\n${formatErrors(r.errors, r.text, { fileName: r.report.file })}\n`);
  }
}
process.exit(results.every((r) => r.report.valid) ? 0 : 1);
