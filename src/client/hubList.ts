/**
 * The hubs a page may use when hubs share one show (NATS): the one that served it first, then those in its URL
 * (`?hubs=host:port,host:port`) and those the hub names in its welcome. After a lost connection the page moves
 * to the next one, keeping what it shows (every hub has the same show at the same revisions).
 */
export function createHubList(own: string, fromUrl: string | null) {
  // An entry that is not an address is left out: a page must never try to open a socket to it (the browser throws).
  const addresses = (list: string[]) => list.map(hubAddress).filter((host): host is string => host !== null);
  let hubs = [...new Set([own, ...addresses((fromUrl ?? '').split(','))])];
  let index = 0;
  return {
    /** host:port of the hub to connect to now. */
    current: () => hubs[index]!,
    size: () => hubs.length,
    next() {
      index = (index + 1) % hubs.length;
    },
    learn(list: string[]) {
      const current = hubs[index]!;
      hubs = [...new Set([...hubs, ...addresses(list)])];
      index = hubs.indexOf(current);
    },
  };
}
export type HubList = ReturnType<typeof createHubList>;

/**
 * A hub's `host:port` from an entry of `hubs=` (`10.0.0.2:4380`, `http://10.0.0.2:4380/`, `ws://backup:4380`), or
 * null when it is not one (`:::`, `%`, a blank).
 */
export function hubAddress(entry: string): string | null {
  const host = entry.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  if (host === '') return null;
  try {
    const url = new URL(`ws://${host}/`);
    return url.host !== '' && url.username === '' && url.pathname === '/' ? host : null;
  } catch {
    return null;
  }
}

/** The `hubs=` of a page's URL, refused with a sentence when an entry is not a hub's address. */
export function checkHubsOption(fromUrl: string | null): void {
  for (const entry of (fromUrl ?? '').split(',')) {
    if (entry.trim() !== '' && hubAddress(entry) === null) {
      throw new Error(`hubs: ${JSON.stringify(entry.slice(0, 80))} is not a hub's address: write host:port, several separated by commas (hubs=10.0.0.2:4380)`);
    }
  }
}
