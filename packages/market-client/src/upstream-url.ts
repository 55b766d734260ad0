import { ConfigError } from "./errors";

/** The upstream base URL split into what is sent and what may be shown. */
export interface UpstreamUrl {
  /** `{base}/candles` without credentials; query parameters of the base URL are kept. */
  readonly candlesUrl: URL;
  /** `Basic …` header built from credentials embedded in the base URL, if any. */
  readonly authorization: string | undefined;
  /** Origin + path, safe for messages and logs: no credentials, no query string. */
  readonly display: string;
}

/**
 * Parses the upstream base URL. Credentials in it (`https://user:pass@host`) are moved to an
 * `Authorization: Basic` header (fetch refuses URLs with credentials) and never appear in `display`.
 *
 * @throws ConfigError naming `MARKET_DATA_BASE_URL` when the URL is not absolute http(s) or its
 * credentials are not valid percent-encoding.
 * @example
 * ```ts
 * prepareUpstreamUrl("https://u:p@md.example.com/v1").display; // "https://md.example.com/v1/candles"
 * ```
 */
export function prepareUpstreamUrl(baseUrl: string): UpstreamUrl {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (e) {
    throw new ConfigError(
      "MARKET_DATA_BASE_URL",
      "MARKET_DATA_BASE_URL must be an absolute http(s) URL",
      {
        cause: e,
      },
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(
      "MARKET_DATA_BASE_URL",
      `MARKET_DATA_BASE_URL must use http or https, got ${url.protocol}`,
    );
  }
  let authorization: string | undefined;
  if (url.username !== "" || url.password !== "") {
    let user: string;
    let pass: string;
    try {
      user = decodeURIComponent(url.username);
      pass = decodeURIComponent(url.password);
    } catch (e) {
      // Never echo the credentials: name the variable and what is wrong.
      throw new ConfigError(
        "MARKET_DATA_BASE_URL",
        "MARKET_DATA_BASE_URL has credentials with invalid percent-encoding",
        { cause: e },
      );
    }
    authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;
    url.username = "";
    url.password = "";
  }
  const candlesUrl = new URL(url.href);
  candlesUrl.pathname = `${url.pathname.replace(/\/+$/, "")}/candles`;
  candlesUrl.hash = "";
  return { candlesUrl, authorization, display: `${candlesUrl.origin}${candlesUrl.pathname}` };
}
