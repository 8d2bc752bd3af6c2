/**
 * Reads the zip an LMS gives for "download all submissions" (Moodle, Canvas, Blackboard, Google
 * Classroom): every file in it becomes one entry with its text, or with the reason it was not
 * read. Every zip is untrusted, so nothing here trusts a size the zip declares:
 *
 * - the whole zip, the number of entries, each entry's and all entries' uncompressed bytes are
 *   capped (ZIP_LIMITS); a cap reached refuses that entry (or the rest) with a reason, never the
 *   entries already read;
 * - DEFLATE data is inflated by fflate's streaming `Inflate` (a small, well-kept, dependency-free
 *   library: a hand-written inflater would be a new decompressor to get right against hostile
 *   input) fed 1 KiB at a time, so an entry that expands past its cap (a zip bomb) is stopped after
 *   at most ~1 MiB of output, whatever its header claims;
 * - entries pointing at the same data (an overlapping-entries bomb) still count, each, towards
 *   the total cap; encrypted, ZIP64, nested zips and unknown methods are refused per entry.
 *
 * The zip's central directory is read here (its record layout is plain data, APPNOTE 4.3.12–16).
 * Pure TypeScript: runs in the browser (class page, Web Workers) and in Node (`verify`).
 */
import { Inflate } from 'fflate';
import { MAX_FILE_BYTES } from '../scenario/limits.ts';

const MiB = 1024 * 1024;

export interface ZipLimits {
  /** Largest zip accepted, bytes. */
  maxZipBytes: number;
  /** Most entries (files and folders) read. */
  maxEntries: number;
  /** Largest entry, uncompressed bytes (a result file's own limit). */
  maxEntryBytes: number;
  /** All entries together, uncompressed bytes. */
  maxTotalBytes: number;
}

export const ZIP_LIMITS: Readonly<ZipLimits> = {
  /** A class of 200 with 50 KB files is 10 MB before compression; 64 MiB leaves room for other files in the zip. */
  maxZipBytes: 64 * MiB,
  /** A large class with a feedback file per student, folders included. */
  maxEntries: 2000,
  maxEntryBytes: MAX_FILE_BYTES.classResult,
  /** Enough for 2,000 typical results many times over; bounds the work a hostile zip can cause. */
  maxTotalBytes: 128 * MiB,
};

/** One file of the zip: its text, or why it was not read. */
export type ZipEntry = { name: string; text: string } | { name: string; problem: string };

export type ZipRead = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

/**
 * Compressed bytes handed to the inflater at a time: DEFLATE expands at most ~1,032:1, so one step
 * produces at most ~1 MiB before the cap is checked again.
 */
const CHUNK_BYTES = 1024;

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

/** Does `bytes` start like a zip (a local file header, or the end record of an empty zip)? */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** Files whose name says they are not a student's submission: folders and OS metadata. */
function ignored(name: string): boolean {
  return name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\._/.test(name) || /(^|\/)\.DS_Store$/.test(name) || /(^|\/)Thumbs\.db$/i.test(name);
}

/**
 * Read every file of a zip as UTF-8 text, within `limits`. Never throws. `ok: false` only when the
 * zip as a whole cannot be read (too large, not a zip, no directory); otherwise one entry per file
 * in directory order (folders and OS metadata left out), each with its text or its problem.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipRead {
  try {
    return read(bytes, limits);
  } catch (e) {
    return { ok: false, reason: `the zip could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function read(bytes: Uint8Array, limits: ZipLimits): ZipRead {
  if (bytes.length > limits.maxZipBytes) return { ok: false, reason: `the zip is ${(bytes.length / MiB).toFixed(1)} MB; a zip may be at most ${limits.maxZipBytes / MiB} MB` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === EOCD_SIG) { eocd = i; break; }
  }
  if (eocd < 0) return { ok: false, reason: 'not a zip file (no zip directory found; a truncated download?)' };
  const count = u16(eocd + 10);
  const dirSize = u32(eocd + 12);
  const dirStart = u32(eocd + 16);
  if (count === 0xffff || dirStart === 0xffffffff) return { ok: false, reason: 'a ZIP64 archive (over 65,535 entries or 4 GB), which class results never need' };
  if (count > limits.maxEntries) return { ok: false, reason: `the zip holds ${count} entries; at most ${limits.maxEntries} are read` };
  if (dirStart + dirSize > eocd) return { ok: false, reason: 'the zip directory points outside the file (a truncated or damaged zip)' };

  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  let total = 0;
  let p = dirStart;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || u32(p) !== CEN_SIG) return { ok: false, reason: `the zip directory is damaged at entry ${n + 1}` };
    const flags = u16(p + 8), method = u16(p + 10);
    const compressed = u32(p + 20), declared = u32(p + 24);
    const nameLen = u16(p + 28), extraLen = u16(p + 30), commentLen = u16(p + 32);
    const local = u32(p + 42);
    const name = names.decode(bytes.subarray(p + 46, Math.min(p + 46 + nameLen, eocd))).slice(0, 300);
    p += 46 + nameLen + extraLen + commentLen;
    if (ignored(name)) continue;
    const refuse = (problem: string) => { entries.push({ name, problem }); };
    if (total >= limits.maxTotalBytes) { refuse(`not read: the zip's files together passed ${limits.maxTotalBytes / MiB} MB uncompressed`); continue; }
    if (flags & 1) { refuse('encrypted: export the submissions without a password'); continue; }
    if (/\.zip$/i.test(name)) { refuse('a zip inside the zip: unpack it and drop its files'); continue; }
    if (compressed === 0xffffffff || declared === 0xffffffff || local === 0xffffffff) { refuse('a ZIP64 entry (over 4 GB), which a result file never is'); continue; }
    if (declared > limits.maxEntryBytes) { refuse(`${(declared / MiB).toFixed(1)} MB uncompressed; a result file may be at most ${limits.maxEntryBytes / MiB} MB`); continue; }
    if (method !== 0 && method !== 8) { refuse(`compressed with method ${method}; only stored and DEFLATE entries are read`); continue; }
    if (local + 30 > bytes.length || u32(local) !== LOC_SIG) { refuse('its data is missing (a truncated or damaged zip)'); continue; }
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataStart + compressed > bytes.length) { refuse('its data runs past the end of the zip (a truncated download?)'); continue; }
    const data = bytes.subarray(dataStart, dataStart + compressed);
    if (declared > limits.maxTotalBytes - total) { refuse(`not read: the zip's files together would pass ${limits.maxTotalBytes / MiB} MB uncompressed`); continue; }
    const out = method === 0 ? stored(data, declared) : inflateCapped(data, declared);
    if ('problem' in out) { refuse(out.problem); continue; }
    if (out.bytes.length !== declared) { refuse(`it holds ${out.bytes.length} bytes, not the ${declared} its header says (a damaged zip?)`); continue; }
    total += out.bytes.length;
    try {
      entries.push({ name, text: new TextDecoder('utf-8', { fatal: true }).decode(out.bytes) });
    } catch {
      refuse('not UTF-8 text (a result file is JSON text)');
    }
  }
  return { ok: true, entries };
}

function stored(data: Uint8Array, declared: number): { bytes: Uint8Array } | { problem: string } {
  if (data.length !== declared) return { problem: `it holds ${data.length} bytes, not the ${declared} its header says (a damaged zip?)` };
  return { bytes: data };
}

/**
 * Inflate `data`, stopping as soon as the output passes `cap` bytes (the size the entry declares,
 * itself within the entry and total caps): a header that understates the size is a bomb's trick.
 */
function inflateCapped(data: Uint8Array, cap: number): { bytes: Uint8Array } | { problem: string } {
  const parts: Uint8Array[] = [];
  let size = 0, over = false, ended = false;
  const inflater = new Inflate((chunk: Uint8Array, final: boolean) => {
    size += chunk.length;
    if (size > cap) { over = true; return; }
    parts.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < data.length && !over && !ended; at += CHUNK_BYTES) {
      const end = Math.min(at + CHUNK_BYTES, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (e) {
    if (!over) return { problem: `its compressed data is damaged (${e instanceof Error ? e.message : String(e)})` };
  }
  if (over) return { problem: `unpacks to more than the ${cap} bytes its header declares: refused as a zip bomb` };
  if (!ended) return { problem: 'its compressed data ends early (a truncated zip?)' };
  const bytes = new Uint8Array(size);
  let o = 0;
  for (const part of parts) { bytes.set(part, o); o += part.length; }
  return { bytes };
}
