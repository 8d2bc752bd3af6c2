/**
 * A hash of the whole simulation state (everything but the scenario, which is input), used to
 * prove determinism: scenario + seed + commands → the same hash, on the command line and in the
 * browser. Numbers are hashed by their exact 64-bit pattern; object keys in sorted order.
 */
const buf = new DataView(new ArrayBuffer(8));

class Hasher {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193 ^ 0x5bd1e995;
  byte(b: number): void {
    this.h1 = Math.imul(this.h1 ^ b, 0x01000193);
    this.h2 = Math.imul(this.h2 ^ b, 0x5bd1e995) ^ (this.h2 >>> 15);
  }
  num(x: number): void {
    buf.setFloat64(0, x === 0 ? 0 : x); // +0 and -0 hash alike
    for (let i = 0; i < 8; i++) this.byte(buf.getUint8(i));
  }
  str(s: string): void {
    for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); this.byte(c & 0xff); this.byte(c >>> 8); }
    this.byte(0);
  }
  value(v: unknown): void {
    if (v === null || v === undefined) { this.byte(v === null ? 1 : 2); return; }
    switch (typeof v) {
      case 'number': this.byte(3); this.num(v); return;
      case 'string': this.byte(4); this.str(v); return;
      case 'boolean': this.byte(v ? 5 : 6); return;
      case 'object': break;
      default: return;
    }
    if (ArrayBuffer.isView(v)) {
      this.byte(7);
      const a = v as unknown as ArrayLike<number>;
      this.num(a.length);
      for (let i = 0; i < a.length; i++) this.num(a[i]!);
      return;
    }
    if (Array.isArray(v)) {
      this.byte(8); this.num(v.length);
      for (const x of v) this.value(x);
      return;
    }
    if (v instanceof Map) {
      this.byte(9);
      for (const k of [...v.keys()].sort()) { this.str(String(k)); this.value(v.get(k)); }
      return;
    }
    this.byte(10);
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o).sort()) {
      if (o[k] === undefined) continue;
      this.str(k);
      this.value(o[k]);
    }
  }
  digest(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, '0') + (this.h2 >>> 0).toString(16).padStart(8, '0');
  }
}

/**
 * Hash of a world. Skipped: the scenario (input, identified by its id), the paths derived from it,
 * and the label of the player's autopilot (`playerAutopilot`, the player company's `strategy`):
 * the hash is of the state, so a game driven by its command log alone hashes the same whether it
 * was played by hand in the browser or on the CLI with `--strategy none` or `idle`. An autopilot
 * that acts changes the state, and so the hash, through what it does.
 */
export function hashState(world: { scenario: { id: string } } & Record<string, unknown>): string {
  const h = new Hasher();
  h.str(world.scenario.id);
  for (const k of Object.keys(world).sort()) {
    if (k === 'scenario' || k === 'paths' || k === 'playerAutopilot') continue;
    h.str(k);
    if (k === 'companies' && Array.isArray(world[k])) {
      const cos = world[k] as Record<string, unknown>[];
      h.value(cos.map((co, i) => (i === 0 ? { ...co, strategy: undefined } : co)));
    } else h.value(world[k]);
  }
  return h.digest();
}
