/**
 * The texts of the verified result files on the results page, kept in memory (never stored or
 * sent) so the class debrief can open a student's run and find the class scenario. Keyed by the
 * results row's `key`; "forget this class" clears them with the rows.
 */
const texts = new Map<number, string>();

export function rememberRunText(key: number, text: string): void {
  texts.set(key, text);
}

export function runTextOf(key: number): string | null {
  return texts.get(key) ?? null;
}

export function forgetRunTexts(): void {
  texts.clear();
}
