/**
 * An LMS "download all submissions" zip, read in a class worker (class-core's zip.ts: caps on the
 * zip, entry count, entry and total sizes; zip bombs stop per entry): one text or one reason per
 * entry. The zip's own size is refused before a byte is read.
 */
import { ZIP_LIMITS } from '../../class/zip.ts';
import type { ClassPool } from './pool.ts';

export type ZipInputEntry = { ok: true; name: string; text: string } | { ok: false; name: string; reason: string };

export async function readZipEntries(file: File, pool: ClassPool): Promise<{ ok: true; entries: ZipInputEntry[] } | { ok: false; reason: string }> {
  if (file.size > ZIP_LIMITS.maxZipBytes) return { ok: false, reason: `the zip is ${(file.size / 1048576).toFixed(1)} MB; at most ${ZIP_LIMITS.maxZipBytes / 1048576} MB` };
  let bytes: ArrayBuffer;
  try { bytes = await file.arrayBuffer(); } catch (e) { return { ok: false, reason: String((e as Error)?.message ?? e) }; }
  const reply = await pool.run({ kind: 'zip', bytes });
  if (reply.kind === 'error') return { ok: false, reason: reply.reason };
  if (reply.kind !== 'zip') return { ok: false, reason: 'unexpected reply' };
  if (!reply.result.ok) return { ok: false, reason: reply.result.reason };
  return { ok: true, entries: reply.result.entries.map((e) => ('text' in e ? { ok: true, name: e.name, text: e.text } : { ok: false, name: e.name, reason: e.problem })) };
}
