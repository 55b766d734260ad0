/** What the http source does with a 3xx answer. */
export const REDIRECT_POLICIES = ["none", "same-origin"] as const;
export type RedirectPolicy = (typeof REDIRECT_POLICIES)[number];

/** Most hops a `same-origin` policy follows within one attempt. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export function isRedirect(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/**
 * Where a redirect may take the request under `policy`, or why it may not. Never following by
 * default closes a port-probe pivot (an upstream that sends the API to another host or port);
 * `same-origin` allows moves within the upstream's own scheme, host and port.
 */
export function redirectTarget(
  policy: RedirectPolicy,
  location: string | null,
  current: URL,
  hops: number,
): { url: URL } | { refused: string } {
  if (policy === "none") {
    return {
      refused:
        "redirects are not followed (MARKET_DATA_FOLLOW_REDIRECTS=same-origin allows same-origin ones)",
    };
  }
  if (location === null) return { refused: "without a Location header" };
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    return { refused: "to an unreadable Location" };
  }
  if (next.origin !== current.origin)
    return { refused: "to another origin, which is never followed" };
  if (hops >= MAX_REDIRECTS) return { refused: `more than ${MAX_REDIRECTS} redirects` };
  return { url: next };
}
