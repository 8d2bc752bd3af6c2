/**
 * Chinese uses full-width punctuation: "：" "。" "，" "；" after Chinese text, not the ASCII ":" "." ","
 * ";" of English. `punctuationProblem(text)` flags an ASCII colon, full stop, comma or semicolon
 * directly after a Chinese character (or a colon or comma right before one, or a full stop ending a
 * Chinese sentence); numbers (1.5, 1,234, 12:30), file names (.json) and the keyboard help's key
 * names stay. Used on the message tables (zh-punctuation.test.ts) and on the rendered Chinese page
 * (test/browser/firsthour.test.ts), where texts are also put together from parts.
 */
const CJK = '\\u3400-\\u9fff';
/** Chinese character (or closing full-width bracket/quote) then ASCII punctuation that is not a file name's dot. */
const AFTER_CJK = new RegExp(`[${CJK}）」』”](?:[:;,]|\\.(?![a-z]))`, 'u');
/** ASCII colon or comma (after a placeholder or a Latin word) right before Chinese text. */
const BEFORE_CJK = new RegExp(`(?<![0-9])[:,;]\\s?[${CJK}]`, 'u');
/** A Chinese text that ends its sentence with an ASCII full stop (after a placeholder: "{x}."). */
const ASCII_END = /[^.\d]\.$/u;

/** What is wrong with one Chinese text, or null. */
export function punctuationProblem(text: string): string | null {
  // The keyboard help names keys: ". 前进一周", "? 帮助".
  const t = text.replace(/(^|\s)[.?](?=\s)/g, '$1');
  if (!new RegExp(`[${CJK}]`, 'u').test(t)) return null;
  const m = AFTER_CJK.exec(t) ?? BEFORE_CJK.exec(t) ?? ASCII_END.exec(t);
  return m ? `"${t.slice(Math.max(0, m.index - 8), m.index + m[0].length + 4)}"` : null;
}

