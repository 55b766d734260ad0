/**
 * Small, portable pseudo-random numbers. Only 32-bit integer arithmetic (`Math.imul`, shifts) and
 * `Math.log`/`Math.cos`/`Math.sqrt` (V8 ships its own fdlibm port, identical on every platform), so a
 * given seed yields bit-identical streams on every machine. Never `Math.random`.
 * @module
 */

/** FNV-1a 32-bit hash of a string's UTF-16 code units. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 finaliser: spreads the bits of a 32-bit integer. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A uniform generator in [0, 1) (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws from a uniform generator (Box-Muller, both values used). */
export function normalGenerator(uniform: () => number): () => number {
  let spare = Number.NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = Number.NaN;
      return s;
    }
    const u1 = 1 - uniform(); // (0, 1]: log never sees 0
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
}

/**
 * The seed of one symbol's stream: hash of the (normalized) symbol mixed with the user seed. Seeds are
 * taken modulo 2^32 after splitting into high and low words, so every safe integer gives a distinct mix.
 */
export function symbolSeed(symbol: string, seed: number): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return mix32(hashString(symbol) ^ mix32(lo ^ mix32(hi)));
}
