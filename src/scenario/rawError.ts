import type { PathSegment } from './paths.ts';
import type { ErrMsg } from './errMsg.ts';

/** An error before it is given a line and column: the path as segments. */
export interface RawError {
  path: PathSegment[];
  /** The English text (CLI, tests, logs). */
  message: string;
  /** The same as an id with parameters, rendered in the player's language by the UI (errMsg.ts `em`). */
  msg?: ErrMsg;
  /** Point at the field name rather than its value (unknown or forbidden keys). */
  atKey?: boolean;
  hint?: string;
  /** A hint of our own (not a schema description) as an id with parameters. */
  hintMsg?: ErrMsg;
}
