import type { CommandOf } from '../../protocol/command';
import { MAX_FEEDS } from '../../protocol/feed';
import type { ApplyContext } from '../applyCommand';
import { unknownRace } from '../raceReferences';
import type { ShowState } from '../showState';

export const feedCommandTypes = ['setFeed', 'removeFeed', 'startFeed', 'stopFeed'] as const;
export type FeedCommand = CommandOf<(typeof feedCommandTypes)[number]>;

/** Timing feed settings and running state. The hub's feed runner follows them (src/server/feeds/feedRunner.ts). */
export function reduceFeeds(state: ShowState, command: FeedCommand, ctx: ApplyContext): ShowState | string {
  const feeds = state.feeds ?? [];
  if (command.type === 'setFeed') {
    const { feed } = command;
    if (feed.raceId && !state.races.some((r) => r.id === feed.raceId)) return unknownRace(feed.raceId, state.races);
    const existing = feeds.find((f) => f.id === feed.id);
    if (!existing && feeds.length >= MAX_FEEDS) return `The show already has ${MAX_FEEDS} feeds; remove one first.`;
    const next = existing ? { ...feed, running: existing.running, startedAt: existing.startedAt } : feed;
    return { ...state, feeds: existing ? feeds.map((f) => (f.id === feed.id ? next : f)) : [...feeds, next] };
  }
  const feed = feeds.find((f) => f.id === command.feedId);
  if (!feed) return `No feed "${command.feedId}": ${feeds.length === 0 ? 'the show has no feeds yet' : `the feeds are ${feeds.map((f) => f.id).join(', ')}`}.`;
  switch (command.type) {
    case 'removeFeed':
      return { ...state, feeds: feeds.filter((f) => f !== feed) };
    case 'startFeed':
      return { ...state, feeds: feeds.map((f) => (f === feed ? { ...f, running: true, startedAt: ctx.now } : f)) };
    case 'stopFeed':
      if (!feed.running) return `The feed "${feed.id}" is not running.`;
      return { ...state, feeds: feeds.map((f) => (f === feed ? { ...f, running: false } : f)) };
  }
}
