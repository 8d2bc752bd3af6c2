import { MAX_FILE_BYTES } from './limits.ts';
import type { ErrMsg } from './errMsg.ts';

/** The one error shape every part of scenario loading reports. */
export interface ScenarioError {
  /** Where: `company.debt[1].annualRatePct`; `""` for the whole document, `"(file)"` for the file itself. */
  path: string;
  /** What was wrong: what was expected and what was found. */
  message: string;
  /** `message` as an id with parameters (`scn.*`), for the UI to render in the player's language. */
  msg?: ErrMsg;
  /** 1-based line in the teacher's file, when the place is known. */
  line?: number;
  /** 1-based column in the teacher's file, when the place is known. */
  column?: number;
  /** How many characters the bad text spans (for the caret), when known. */
  length?: number;
  /** What the field means (from the schema), shown as a help line. */
  hint?: string;
  /** A hint of the loader's own as an id with parameters (schema descriptions stay English documentation). */
  hintMsg?: ErrMsg;
}

/** Limits on untrusted input: refused quickly, before any expensive work. */
export const LIMITS = {
  /** Largest file, in bytes of UTF-8 (the one scenario limit, in limits.ts). */
  maxBytes: MAX_FILE_BYTES.scenario,
  /** Deepest nesting of objects and arrays (a full scenario needs about 8). */
  maxDepth: 40,
  /** Most JSON values (objects, arrays, strings, numbers …) in one document. */
  maxNodes: 400_000,
  /** How many errors are reported at most (the rest are summarised). */
  maxErrors: 200,
  /** How many levels of `extends` may chain. */
  maxExtendsDepth: 5,
} as const;

/** Keys that could reach Object.prototype in careless code: refused anywhere in a file. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
