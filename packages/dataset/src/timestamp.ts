const D = 48; // "0".charCodeAt(0)

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - D;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * ISO-8601 date or date-time: `YYYY-MM-DD`, or `YYYY-MM-DD(T| )HH:MM[:SS[.fff…]]` with an optional
 * zone `Z`, `±HH:MM`, `±HHMM` or `±HH`.
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/**
 * Epoch milliseconds of an ISO-8601 timestamp, `NaN` if it does not parse. The canonical
 * `YYYY-MM-DDTHH:MM:SS.sssZ` form (what `Date#toISOString` writes) takes an arithmetic fast path
 * (about 10× faster than `Date.parse` on a million rows). Other ISO forms are parsed
 * arithmetically too, never by `Date.parse`, so the result does not depend on the machine's time
 * zone: a date-time without a zone and a bare date are UTC (as in `@mle/market-client`), an offset
 * is applied as given, fractions below a millisecond are truncated. Anything else (impossible
 * dates, hour 24, non-ISO text such as `"Jan 2 2024"`) is `NaN`.
 *
 * @example
 * ```ts
 * parseTimestamp("2024-01-02T00:00:00.000Z"); // 1704153600000
 * parseTimestamp("2024-01-02T00:00:00"); // 1704153600000 (no zone: UTC)
 * parseTimestamp("2024-01-02"); // 1704153600000
 * parseTimestamp("2024-01-02T01:00:00+01:00"); // 1704153600000
 * ```
 */
export function parseTimestamp(s: string): number {
  if (
    s.length === 24 &&
    s.charCodeAt(4) === 45 &&
    s.charCodeAt(7) === 45 &&
    s.charCodeAt(10) === 84 &&
    s.charCodeAt(13) === 58 &&
    s.charCodeAt(16) === 58 &&
    s.charCodeAt(19) === 46 &&
    s.charCodeAt(23) === 90
  ) {
    const y = digits(s, 0, 4);
    const mo = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    const h = digits(s, 11, 2);
    const mi = digits(s, 14, 2);
    const sec = digits(s, 17, 2);
    const ms = digits(s, 20, 3);
    if (
      y >= 0 &&
      mo >= 1 &&
      mo <= 12 &&
      d >= 1 &&
      d <= daysInMonth(y, mo) &&
      h >= 0 &&
      h <= 23 &&
      mi >= 0 &&
      mi <= 59 &&
      sec >= 0 &&
      sec <= 59 &&
      ms >= 0
    ) {
      return ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60_000 + sec * 1000 + ms;
    }
    return Number.NaN;
  }
  return typeof s === "string" ? parseIsoSlow(s) : Number.NaN;
}

/** Any accepted ISO form other than the canonical one; `NaN` if it does not match or is out of range. */
function parseIsoSlow(s: string): number {
  const m = ISO.exec(s);
  if (m === null) return Number.NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, "0"));
  const sign = m[9] === "-" ? -1 : 1;
  const oh = m[10] === undefined ? 0 : Number(m[10]);
  const om = m[11] === undefined ? 0 : Number(m[11]);
  if (
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > daysInMonth(y, mo) ||
    h > 23 ||
    mi > 59 ||
    sec > 59 ||
    oh > 23 ||
    om > 59
  ) {
    return Number.NaN;
  }
  const local = ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60_000 + sec * 1000 + ms;
  return local - sign * (oh * 60 + om) * 60_000;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * ISO-8601 string of epoch milliseconds.
 *
 * @example
 * ```ts
 * formatTimestamp(1704153600000); // "2024-01-02T00:00:00.000Z"
 * ```
 */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
