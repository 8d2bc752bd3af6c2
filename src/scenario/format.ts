/** Teacher-readable error text: file:line:column, the path, the message, the line with a caret. */
import type { ScenarioError } from './errors.ts';
import { LineIndex } from './jsonText.ts';

export interface FormatOptions {
  fileName?: string;
}

export function formatErrors(errors: readonly ScenarioError[], text?: string, opts: FormatOptions = {}): string {
  const lines = typeof text === 'string' && text.length <= 4 * 1024 * 1024 ? new LineIndex(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text) : undefined;
  const file = opts.fileName ?? 'scenario';
  const out: string[] = [];
  for (const e of errors) {
    const where = e.line !== undefined ? `${file}:${e.line}:${e.column ?? 1}` : file;
    const path = e.path === '(file)' ? '' : e.path === '' ? ' (top level)' : ` ${e.path}`;
    out.push(`${where}${path}`);
    out.push(`  ${e.message}`);
    if (lines && e.line !== undefined) {
      let src = lines.lineText(e.line);
      let col = Math.max(1, e.column ?? 1);
      // Long lines (a whole object on one line) are shown as a window around the column.
      if (src.length > 110) {
        const from = Math.max(0, col - 1 - 40);
        const to = Math.min(src.length, from + 100);
        const head = from > 0 ? '…' : '';
        src = head + src.slice(from, to) + (to < src.length ? '…' : '');
        col = col - from + head.length;
      }
      const num = String(e.line);
      const pad = ' '.repeat(num.length);
      // Keep tabs so the caret lines up under tab-indented text.
      const lead = src.slice(0, col - 1).replace(/[^\t]/g, ' ');
      const len = Math.max(1, Math.min(e.length ?? 1, src.length - col + 1, 80));
      out.push(`  ${num} | ${src}`);
      out.push(`  ${pad} | ${lead}${'^'.repeat(len)}`);
    }
    if (e.hint) out.push(`  help: ${e.hint}`);
    out.push('');
  }
  const n = errors.length;
  out.push(n === 0 ? 'No errors.' : `${n} error${n === 1 ? '' : 's'}.`);
  return out.join('\n');
}
