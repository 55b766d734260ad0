/** Small statistics helpers for the serving benchmark. @module */

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const min = (values) => Math.min(...values);

/** Rounds for notes: 3 significant digits, thousands kept whole. */
export function fmt(value) {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 1000 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
}

/** `fetch` that throws unless the status is `expected`; resolves with the parsed JSON body. */
export async function fetchJson(url, init = {}, expected = 200) {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status !== expected) {
    throw new Error(
      `serving bench: ${init.method ?? "GET"} ${url} answered ${res.status}: ${text.slice(0, 200)}`,
    );
  }
  return { body: JSON.parse(text), bytes: Buffer.byteLength(text) };
}
