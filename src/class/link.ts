/**
 * The class link: `#class=1.<base64url of deflate-raw JSON>` (the class config, see config.ts).
 * A URL fragment never reaches a server. Built with the platform's CompressionStream (browser and
 * Node 20+); over MAX_LINK_CHARS the builder offers a `.class.json` file instead.
 *
 * Decoding is for untrusted input: the fragment's length and the inflated size are capped before
 * anything is parsed (a deflate bomb stops at the cap), and every failure is a `code` the UI turns
 * into a message plus an English `reason` for logs and the CLI. Never throws.
 */
import { parseClassConfig, type ClassConfig, type ClassConfigProblem } from './config.ts';

/** The fragment key and the link format version written before the dot. */
export const CLASS_LINK_PREFIX = '#class=';
export const CLASS_LINK_VERSION = 1;

/** Above this many characters (whole URL) a link is unwieldy in chat and LMS posts: use a file. */
export const MAX_LINK_CHARS = 2000;

/** Longest fragment payload decoded at all (characters); a pasted novel is refused at once. */
export const MAX_DECODE_CHARS = 200_000;

/** Largest inflated JSON accepted from a link (bytes); inflating stops here (deflate bombs). */
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024;

export type LinkErrorCode = 'notClassLink' | 'newerVersion' | 'badVersion' | 'tooLong' | 'badBase64' | 'badDeflate' | 'tooLarge' | 'badJson' | 'badConfig';

export type DecodeResult =
  | { ok: true; config: ClassConfig }
  | { ok: false; code: LinkErrorCode; reason: string; problems?: ClassConfigProblem[] };

export type EncodeResult =
  /** Short enough: the whole URL (base + fragment). */
  | { kind: 'link'; url: string; fragment: string }
  /** Too long for a link: give students a `.class.json` file (the fragment is still returned). */
  | { kind: 'file'; url: string; fragment: string; chars: number };

// ---- base64url -------------------------------------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!, b1 = bytes[i + 1], b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    if (b1 !== undefined) out += B64[(n >> 6) & 63]!;
    if (b2 !== undefined) out += B64[n & 63]!;
  }
  return out;
}

/** Bytes of a base64url text (no padding), or null when it is not one. */
export function base64UrlDecode(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    const chunk = text.slice(i, i + 4);
    for (let j = 0; j < 4; j++) {
      const c = chunk[j];
      const v = c === undefined ? 0 : B64_INDEX.get(c);
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (chunk.length > 2) out[o++] = (n >> 8) & 255;
    if (chunk.length > 3) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}

// ---- deflate-raw -----------------------------------------------------------------------------

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflate, stopping with 'tooLarge' as soon as the output passes `maxBytes`. */
async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; code: 'tooLarge' | 'badDeflate' }> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, code: 'tooLarge' };
      }
      parts.push(value);
    }
  } catch {
    return { ok: false, code: 'badDeflate' };
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.byteLength; }
  return { ok: true, bytes: out };
}

// ---- the link --------------------------------------------------------------------------------

/** The fragment (`#class=1.…`) for a config. */
export async function encodeClassFragment(config: ClassConfig): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(config));
  return `${CLASS_LINK_PREFIX}${CLASS_LINK_VERSION}.${base64UrlEncode(await deflateRaw(json))}`;
}

/** The class link on `baseUrl` (the game's address, any fragment dropped), or a file when it is too long. */
export async function encodeClassLink(config: ClassConfig, baseUrl: string): Promise<EncodeResult> {
  const fragment = await encodeClassFragment(config);
  const hashAt = baseUrl.indexOf('#');
  const url = (hashAt >= 0 ? baseUrl.slice(0, hashAt) : baseUrl) + fragment;
  return url.length <= MAX_LINK_CHARS ? { kind: 'link', url, fragment } : { kind: 'file', url, fragment, chars: url.length };
}

/** Does this URL or fragment carry a class (`#class=`)? */
export function hasClassFragment(urlOrFragment: string): boolean {
  const at = urlOrFragment.indexOf('#');
  return at >= 0 && urlOrFragment.slice(at).startsWith(CLASS_LINK_PREFIX);
}

const fail = (code: LinkErrorCode, reason: string, problems?: ClassConfigProblem[]): DecodeResult => ({ ok: false, code, reason, ...(problems ? { problems } : {}) });

/** Read a class link (a whole URL or just its fragment). Untrusted; never throws. */
export async function decodeClassLink(urlOrFragment: string): Promise<DecodeResult> {
  try {
    if (typeof urlOrFragment !== 'string') return fail('notClassLink', 'not a class link');
    const at = urlOrFragment.indexOf('#');
    const frag = at >= 0 ? urlOrFragment.slice(at) : '';
    if (!frag.startsWith(CLASS_LINK_PREFIX)) return fail('notClassLink', 'this is not a class link (it has no "#class=" part)');
    const body = frag.slice(CLASS_LINK_PREFIX.length).trim();
    const dot = body.indexOf('.');
    const versionText = dot >= 0 ? body.slice(0, dot) : '';
    if (!/^\d{1,6}$/.test(versionText)) return fail('badVersion', 'the class link is cut short or damaged (no version before the dot)');
    const version = Number(versionText);
    if (version > CLASS_LINK_VERSION) return fail('newerVersion', `the class link was made by a newer version of the game (link version ${version}; this game reads ${CLASS_LINK_VERSION})`);
    if (version !== CLASS_LINK_VERSION) return fail('badVersion', `unknown class link version ${version}`);
    const payload = body.slice(dot + 1);
    if (payload.length > MAX_DECODE_CHARS) return fail('tooLong', `the class link is too long (${payload.length} characters; at most ${MAX_DECODE_CHARS})`);
    const bytes = base64UrlDecode(payload);
    if (!bytes || bytes.length === 0) return fail('badBase64', 'the class link is damaged (characters that cannot be in a class link, or cut short)');
    const inflated = await inflateRaw(bytes, MAX_INFLATED_BYTES);
    if (!inflated.ok) {
      return inflated.code === 'tooLarge'
        ? fail('tooLarge', `the class in the link unpacks to more than ${MAX_INFLATED_BYTES / 1048576} MB`)
        : fail('badDeflate', 'the class link is damaged (it does not unpack; was it copied whole?)');
    }
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
    } catch {
      return fail('badJson', 'the class link is damaged (its contents are not readable)');
    }
    const parsed = parseClassConfig(value);
    if (!parsed.ok) {
      const first = parsed.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ');
      return fail(parsed.problems[0]?.path === 'version' ? 'newerVersion' : 'badConfig', `the class in the link is not valid: ${first}`, parsed.problems);
    }
    return { ok: true, config: parsed.config };
  } catch (e) {
    return fail('badDeflate', `the class link could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}
