/**
 * Canonical JSON and SHA-256, the same in the browser (main thread, Web Workers) and in Node.
 *
 * `canonicalJson` is the identity of a value: object keys sorted (by UTF-16 code units, as
 * `Array.prototype.sort` does), no whitespace, numbers as `JSON.stringify` writes them (the
 * ECMAScript shortest round-trip form, the same in every engine). A scenario's hash, a class's
 * hash and a result's scenario check all go through it.
 */

const isPlainObject = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * `value` as canonical JSON. Like `JSON.stringify` (undefined object fields are left out, undefined
 * list entries become null) but with sorted keys. Throws a TypeError on what has no single JSON
 * form: a non-finite number, a bigint, a function, a cycle, or an object that is not plain data.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const open = new Set<object>();
  const write = (v: unknown, where: string): void => {
    if (v === null) { out.push('null'); return; }
    switch (typeof v) {
      case 'string': out.push(JSON.stringify(v)); return;
      case 'boolean': out.push(v ? 'true' : 'false'); return;
      case 'number':
        if (!Number.isFinite(v)) throw new TypeError(`canonicalJson: ${where} is ${String(v)}, which JSON cannot hold`);
        out.push(JSON.stringify(v)); return;
      case 'object': break;
      default: throw new TypeError(`canonicalJson: ${where} is a ${typeof v}, which JSON cannot hold`);
    }
    const o = v as object;
    if (open.has(o)) throw new TypeError(`canonicalJson: ${where} refers back to itself`);
    open.add(o);
    if (Array.isArray(o)) {
      out.push('[');
      for (let i = 0; i < o.length; i++) {
        if (i > 0) out.push(',');
        const x: unknown = o[i];
        if (x === undefined) out.push('null');
        else write(x, `${where}[${i}]`);
      }
      out.push(']');
    } else {
      if (!isPlainObject(o)) throw new TypeError(`canonicalJson: ${where} is not plain data`);
      const rec = o as Record<string, unknown>;
      const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort();
      out.push('{');
      keys.forEach((k, i) => {
        if (i > 0) out.push(',');
        out.push(JSON.stringify(k), ':');
        write(rec[k], `${where}.${k}`);
      });
      out.push('}');
    }
    open.delete(o);
  };
  write(value, '(value)');
  return out.join('');
}

/** SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits (Web Crypto: browser and Node ≥ 20). */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('SHA-256 needs Web Crypto (crypto.subtle), which this environment lacks');
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** A SHA-256 in hex, as `sha256Hex` writes it. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;
