/**
 * A text the player reads, as the engine emits it: a message id with plain parameters (numbers,
 * ids, names). The engine never formats money or dates for people and never picks a language:
 * the UI renders the id in the chosen language and the CLI in English, from the one message table
 * (src/i18n/messages.ts).
 */
export type MsgParams = Record<string, string | number>;

export interface Msg {
  /** Key in the message table, e.g. `cmd.orderGpus` or `refuse.notEnoughCash`. */
  id: string;
  /** Values for the placeholders; the table names each one's format (money, count, …). */
  params: MsgParams;
}

export const msgOf = (id: string, params: MsgParams = {}): Msg => ({ id, params });

/** A news text: a message id, or (for scenario events) the scenario's own text in both languages. */
export type NewsText = Msg | { en: string; 'zh-CN'?: string | undefined };
