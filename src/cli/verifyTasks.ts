/**
 * What `verify` hands its workers: a file to read, a text already read (a zip entry), or a
 * problem found before verifying (a zip entry refused as a bomb) that becomes an invalid row.
 */
export type VerifyTask =
  | { file: string; path: string }
  | { file: string; text: string }
  | { file: string; problem: string };
