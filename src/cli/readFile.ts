/**
 * The CLI's one way to read a user's file: bounded. A device (/dev/zero), a pipe, a socket or a
 * directory is refused before anything is read (a pipe could block forever, a device never ends),
 * a regular file is read to at most `maxBytes` (+1 to detect "too large"), and the text must be
 * UTF-8. Every refusal says why, in words: "cannot read scenario file x.json: no such file".
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; why: string };

const MiB = 1024 * 1024;
const size = (bytes: number) => (bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`);

/** A file system error in words. */
export function fsReason(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a directory, not a file';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    case 'ELOOP': return 'too many symbolic links';
    case 'ENAMETOOLONG': return 'the file name is too long';
    case 'EMFILE': case 'ENFILE': return 'too many open files';
    default: return typeof code === 'string' ? `${code} (${e instanceof Error ? e.message : String(e)})` : e instanceof Error ? e.message : String(e);
  }
}

export function readBounded(file: string, maxBytes: number): ReadResult {
  const r = readBoundedBytes(file, maxBytes);
  if (!r.ok) return r;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(r.bytes) };
  } catch {
    return { ok: false, why: 'it is not UTF-8 text' };
  }
}

/** The same bounded read, as bytes (a zip). */
export function readBoundedBytes(file: string, maxBytes: number): { ok: true; bytes: Uint8Array } | { ok: false; why: string } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, why: fsReason(e) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, why: 'it is a directory, not a file' };
    if (!st.isFile()) return { ok: false, why: 'it is not a regular file (a device, pipe or socket); save the content to a file and pass that' };
    if (st.size > maxBytes) return { ok: false, why: `the file is ${size(st.size)}; the limit is ${size(maxBytes)}` };
    const buf = Buffer.alloc(Math.min(maxBytes, st.size) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n >= buf.length) break;
    }
    if (n > maxBytes || n > st.size) return { ok: false, why: `the file grew while being read, past the limit of ${size(maxBytes)}` };
    return { ok: true, bytes: buf.subarray(0, n) };
  } catch (e) {
    return { ok: false, why: fsReason(e) };
  } finally {
    closeSync(fd);
  }
}
