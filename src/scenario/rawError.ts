import type { PathSegment } from './paths.ts';

/** An error before it is given a line and column: the path as segments. */
export interface RawError {
  path: PathSegment[];
  message: string;
  /** Point at the field name rather than its value (unknown or forbidden keys). */
  atKey?: boolean;
  hint?: string;
}
