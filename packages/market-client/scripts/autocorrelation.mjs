// Lag-1 autocorrelation of daily simple and log returns of the sample source over many symbols.
// Run after building: node scripts/autocorrelation.mjs
import { createSampleSource } from "../dist/index.js";

function acf1(x) {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < x.length; i++) {
    den += (x[i] - m) ** 2;
    if (i > 0) num += (x[i] - m) * (x[i - 1] - m);
  }
  return num / den;
}

const source = createSampleSource();
const symbols = Array.from({ length: 200 }, (_, i) => `S${i}`);
for (const limit of [500, 1000, 2000, 5000, 20_000]) {
  const simple = [];
  const log = [];
  for (const symbol of symbols) {
    const c = (await source.getCandles(symbol, { limit })).map((x) => x.close);
    const r = [];
    const l = [];
    for (let i = 1; i < c.length; i++) {
      r.push(c[i] / c[i - 1] - 1);
      l.push(Math.log(c[i] / c[i - 1]));
    }
    simple.push(acf1(r));
    log.push(acf1(l));
  }
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return `mean ${mean.toFixed(3)} min ${s[0].toFixed(3)} p5 ${s[Math.floor(s.length * 0.05)].toFixed(3)} positive ${xs.filter((v) => v > 0).length}/${xs.length}`;
  };
  console.log(`limit ${limit}: log returns ${stats(log)} | simple returns ${stats(simple)}`);
}
