/**
 * Reading an LMS "download all" zip: every file a row, and every way a hostile zip tries to cost
 * memory or time refused per entry with a reason (a bomb with an honest or a lying header, entries
 * sharing one bomb's data, too many entries), while the good entries beside it are still read.
 */
import { describe, expect, it, vi } from 'vitest';
import { deflateSync, zipSync, strToU8, Inflate } from 'fflate';
import { readZip, looksLikeZip, ZIP_LIMITS } from '../../src/class/zip.ts';

interface Spec { name: string; data: Uint8Array; stored?: boolean; declared?: number; flags?: number }

/** A zip written by hand, so a test can make its headers lie. `copies` repeats each directory record (entries sharing data). */
function makeZip(specs: Spec[], copies = 1): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const s of specs) {
    const body = s.stored ? s.data : deflateSync(s.data);
    const name = strToU8(s.name);
    const size = s.declared ?? s.data.length;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true); local.setUint16(4, 20, true); local.setUint16(6, s.flags ?? 0, true);
    local.setUint16(8, s.stored ? 0 : 8, true); local.setUint32(18, body.length, true); local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    const cen = new DataView(new ArrayBuffer(46));
    cen.setUint32(0, 0x02014b50, true); cen.setUint16(4, 20, true); cen.setUint16(6, 20, true); cen.setUint16(8, s.flags ?? 0, true);
    cen.setUint16(10, s.stored ? 0 : 8, true); cen.setUint32(20, body.length, true); cen.setUint32(24, size, true);
    cen.setUint16(28, name.length, true); cen.setUint32(42, offset, true);
    for (let c = 0; c < copies; c++) central.push(new Uint8Array(cen.buffer), name);
    parts.push(new Uint8Array(local.buffer), name, body);
    offset += 30 + name.length + body.length;
  }
  const dirSize = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true); end.setUint16(8, specs.length * copies, true); end.setUint16(10, specs.length * copies, true);
  end.setUint32(12, dirSize, true); end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of all) { out.set(p, o); o += p.length; }
  return out;
}

const result = (student: string) => JSON.stringify({ format: 'neocloud-result', version: 1, student });
const MiB = 1024 * 1024;

describe('readZip', () => {
  it('reads an LMS zip (made by a real zip writer): every file in order, folders and OS metadata left out', () => {
    const zip = zipSync({
      'Ada Lovelace_123_assignsubmission_file_': { 'ada-finance-101.ncrun.json': strToU8(result('Ada')) },
      'Bo_456_assignsubmission_file_': { 'bo-finance-101.ncrun.json': [strToU8(result('Bo 李')), { level: 0 }] },
      '__MACOSX': { '._x.ncrun.json': strToU8('junk') },
      'feedback.txt': strToU8('well done'),
    });
    expect(looksLikeZip(zip)).toBe(true);
    const r = readZip(zip);
    expect(r).toEqual({ ok: true, entries: [
      { name: 'Ada Lovelace_123_assignsubmission_file_/ada-finance-101.ncrun.json', text: result('Ada') },
      { name: 'Bo_456_assignsubmission_file_/bo-finance-101.ncrun.json', text: result('Bo 李') },
      { name: 'feedback.txt', text: 'well done' },
    ] });
  });

  it('a bomb with an honest header: refused by its declared size without unpacking', () => {
    const r = readZip(makeZip([{ name: 'big.ncrun.json', data: new Uint8Array(5 * MiB) }, { name: 'ok.ncrun.json', data: strToU8(result('Ada')) }]));
    expect(r.ok && r.entries).toEqual([
      { name: 'big.ncrun.json', problem: '5.0 MB uncompressed; a result file may be at most 4 MB' },
      { name: 'ok.ncrun.json', text: result('Ada') },
    ]);
  });

  it('a bomb whose header lies about its size: stopped after one chunk, refused as a bomb', () => {
    const zip = makeZip([{ name: 'bomb.ncrun.json', data: new Uint8Array(64 * MiB), declared: 1000 }, { name: 'ok.ncrun.json', data: strToU8(result('Bo')) }]);
    const compressedBytes = deflateSync(new Uint8Array(64 * MiB)).length;
    // What reading costs, counted (not timed): the compressed bytes handed to the inflater.
    const push = vi.spyOn(Inflate.prototype, 'push');
    const read = (() => {
      try {
        const r = readZip(zip);
        return { r, chunks: push.mock.calls.length, pushedBytes: push.mock.calls.reduce((a, [chunk]) => a + chunk.length, 0) };
      } finally {
        push.mockRestore();
      }
    })();
    const { r, chunks, pushedBytes } = read;
    console.log(`lying bomb: ${chunks} chunks (${pushedBytes} B) of its ${compressedBytes} compressed bytes read before the refusal`);
    expect(r.ok && r.entries).toEqual([
      { name: 'bomb.ncrun.json', problem: 'unpacks to more than the 1000 bytes its header declares: refused as a zip bomb' },
      { name: 'ok.ncrun.json', text: result('Bo') },
    ]);
    // One 1 KB chunk of the bomb (it passes the 1000 declared bytes at once) plus the small good entry —
    // not the whole stream (≈64 chunks), which is what an inflater that checks the cap only at the end reads.
    expect(compressedBytes).toBeGreaterThan(32 * 1024);
    expect(pushedBytes).toBeLessThanOrEqual(2 * 1024 + strToU8(result('Bo')).length);
  });

  it('many entries sharing one bomb’s data: the total cap refuses the rest, each with a reason', () => {
    const limits = { ...ZIP_LIMITS, maxTotalBytes: 10 * MiB };
    const r = readZip(makeZip([{ name: 'a.ncrun.json', data: new Uint8Array(3 * MiB) }], 5), limits);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entries.map((e) => 'text' in e)).toEqual([true, true, true, false, false]);
    expect(r.entries[3]).toEqual({ name: 'a.ncrun.json', problem: "not read: the zip's files together would pass 10 MB uncompressed" });
  });

  it('too many entries, a truncated zip, not a zip, a zip over the size cap: the whole zip refused with why', () => {
    const six = makeZip(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.json`, data: strToU8('{}') })));
    expect(readZip(six, { ...ZIP_LIMITS, maxEntries: 5 })).toEqual({ ok: false, reason: 'the zip holds 6 entries; at most 5 are read' });
    expect(readZip(six.subarray(0, six.length - 30))).toEqual({ ok: false, reason: 'not a zip file (no zip directory found; a truncated download?)' });
    expect(readZip(strToU8('{"format":"neocloud-result"}')).ok).toBe(false);
    expect(looksLikeZip(strToU8('{"format"'))).toBe(false);
    expect(readZip(six, { ...ZIP_LIMITS, maxZipBytes: 100 })).toMatchObject({ ok: false, reason: expect.stringMatching(/a zip may be at most/) as unknown });
  });

  it('per entry: encrypted, nested zip, unknown method, damaged or cut data, not UTF-8', () => {
    const good = strToU8(result('Cy'));
    const damaged = makeZip([{ name: 'd.ncrun.json', data: good }]);
    damaged[30 + 'd.ncrun.json'.length] = 0xff; // first byte of the DEFLATE data: an invalid block type
    const specs: Spec[] = [
      { name: 'e.ncrun.json', data: good, flags: 1 },
      { name: 'inner.zip', data: good },
      { name: 'bin.ncrun.json', data: new Uint8Array([0xff, 0xfe, 0x00, 0xc3]), stored: true },
      { name: 'short.ncrun.json', data: good, stored: true, declared: good.length + 5 },
      { name: 'ok.ncrun.json', data: good },
    ];
    const r = readZip(makeZip(specs));
    expect(r.ok && r.entries.map((e) => ('problem' in e ? e.problem : 'text'))).toEqual([
      'encrypted: export the submissions without a password',
      'a zip inside the zip: unpack it and drop its files',
      'not UTF-8 text (a result file is JSON text)',
      `it holds ${good.length} bytes, not the ${good.length + 5} its header says (a damaged zip?)`,
      'text',
    ]);
    const d = readZip(damaged);
    expect(d.ok && d.entries[0]).toMatchObject({ problem: expect.stringMatching(/compressed data is damaged|ends early/) as unknown });
    const unknownMethod = makeZip([{ name: 'm.json', data: good }]);
    unknownMethod[8] = 12; // bzip2 in the local header …
    unknownMethod[unknownMethod.length - 22 - 46 - 'm.json'.length + 10] = 12; // … and in the directory
    expect(readZip(unknownMethod)).toMatchObject({ ok: true, entries: [{ problem: 'compressed with method 12; only stored and DEFLATE entries are read' }] });
  });
});
