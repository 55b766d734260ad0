import { EPSILON, logGamma, MAX_ITERATIONS, TINY } from "./gamma";

/** Continued fraction of I_x(a, b) (modified Lentz), converging fast for x < (a + 1) / (a + b + 2). */
function betaFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/**
 * I_x(a, b) given both x and y = 1 − x, so a caller who knows 1 − x exactly (the t
 * distribution's t² / (ν + t²)) does not lose it to rounding.
 */
export function incompleteBetaPair(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, y)) / b;
}

/**
 * Regularized incomplete beta I_x(a, b) = B(x; a, b) / B(a, b), a, b > 0, 0 <= x <= 1
 * (scipy.special.betainc).
 *
 * @example
 * ```ts
 * regularizedIncompleteBeta(0.5, 2, 2); // 0.5
 * ```
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  return incompleteBetaPair(x, 1 - x, a, b);
}
