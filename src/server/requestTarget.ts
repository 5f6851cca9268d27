/** What the hub reads from a request target. */
export type RequestTarget = { pathname: string; searchParams: URLSearchParams };

/**
 * The path and query of a request target, or null when it is not one (`/%`, `//[/ws`, `http://[/x`). Absolute
 * targets (`http://host/api/state`) are read for their path, as HTTP/1.1 allows; the host in them is ignored.
 */
export function parseRequestTarget(target: string | undefined): RequestTarget | null {
  if (!target || !(target.startsWith('/') || /^https?:\/\//i.test(target))) return null;
  let url: URL;
  try {
    url = new URL(target, 'http://hub');
  } catch {
    return null;
  }
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  return { pathname: url.pathname, searchParams: url.searchParams };
}

/** The sentence a bad request target gets, with the target cut short so a huge one is not echoed back. */
export function badTargetMessage(target: string | undefined): string {
  return `The request target ${JSON.stringify(cut(target ?? '', 80))} is not a valid path: use a path like /api/state`;
}

/** Cuts text to `max` characters, saying so, so refusals never echo a huge input back. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
