/**
 * The hubs a page may use when hubs share one show (NATS): the one that served it first, then those in its URL
 * (`?hubs=host:port,host:port`) and those the hub names in its welcome. After a lost connection the page moves
 * to the next one, keeping what it shows (every hub has the same show at the same revisions).
 */
export function createHubList(own: string, fromUrl: string | null) {
  const hostOf = (entry: string) => entry.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  let hubs = [...new Set([own, ...(fromUrl ?? '').split(',').map(hostOf).filter(Boolean)])];
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
      hubs = [...new Set([...hubs, ...list.map(hostOf).filter(Boolean)])];
      index = hubs.indexOf(current);
    },
  };
}
export type HubList = ReturnType<typeof createHubList>;
