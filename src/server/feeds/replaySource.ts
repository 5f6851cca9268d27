import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeIssues } from '../../protocol/describeIssues';
import type { Feed } from '../../protocol/feed';
import { FeedFile } from '../../protocol/feedFile';
import type { Hub } from '../hub';
import { alreadyRecorded, entrantOf } from '../../state/passingTable';
import type { FeedIngest, IncomingPassing } from './feedIngest';
import type { FeedHealth } from './feedHealth';

const TICK_MS = 100;
/** A replay this recently started resets its races; one carried on after a restart does not. */
const RESET_WITHIN_MS = 5000;

/**
 * Plays a recorded feed file against hub time: at `speed` times real time from the feed's start (`startedAt`,
 * kept in the show). Before the first message it puts the file's start lists and timing points into the races
 * the show has (resetting them, when it starts from the beginning: gun, finish, splits and passings go); while it
 * plays it keeps each race's gun where the replayed clock is, so at 10x the race clocks on air run at 10x and
 * every passing is checked against them. After a hub restart it carries on from the show (see resumePoint).
 */
export function startReplaySource(feed: Extract<Feed, { source: 'replay' }>, feedsDir: string, hub: Pick<Hub, 'store' | 'submit' | 'now'>, ingest: FeedIngest, health: FeedHealth): { stop(): void } {
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let next = 0;
  const startedAt = feed.startedAt ?? hub.now();

  async function start() {
    let file: FeedFile;
    try {
      const parsed = FeedFile.safeParse(JSON.parse(await readFile(join(feedsDir, feed.file), 'utf8')));
      if (!parsed.success) return health.error(`the replay file ${feed.file} is not a feed file: ${describeIssues(parsed.error)}`);
      file = parsed.data;
    } catch (error) {
      return health.error(`the replay file ${feed.file} can't be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const races = file.races.filter((race) => {
      const known = hub.store.getState().races.some((r) => r.id === race.raceId);
      if (!known) health.error(`the replay file's race "${race.raceId}" is not in the show; its passings are left out`);
      return known;
    });
    // Started just now (not carried on after a hub restart): the races start again from before their gun.
    const fromTheStart = hub.now() - startedAt < RESET_WITHIN_MS;
    for (const race of races) {
      const current = hub.store.getState().races.find((r) => r.id === race.raceId)!;
      if (fromTheStart && (current.gunTime !== null || current.splits.length > 0 || current.passings?.length)) {
        const reset = await hub.submit({ type: 'resetRace', raceId: race.raceId });
        if (!reset.ok) {
          // startFeed checked this, so something came between (a take): half reset, the replay would mix the new
          // race with the old one's passings and splits, so it stops instead.
          health.error(`resetting ${race.raceId} for the replay: ${reset.error} The replay is stopped.`);
          await hub.submit({ type: 'stopFeed', feedId: feed.id });
          return;
        }
      }
      // Carried on, the race was set up when the replay started: only what it lacks goes again (a command that
      // changes nothing is still a revision, and the operator's edits to names since then are kept).
      const points = mergedPoints(race.raceId, race.timingPoints);
      const setUp = [
        ...(fromTheStart || race.entrants.some((e) => !entrantOf(current, e.bib)) ? [{ type: 'upsertEntrants', raceId: race.raceId, entrants: race.entrants } as const] : []),
        ...(fromTheStart || points.length !== (current.timingPoints ?? []).length ? [{ type: 'setTimingPoints', raceId: race.raceId, points } as const] : []),
      ];
      for (const command of setUp) {
        if (stopped) return;
        const result = await hub.submit(command);
        if (!result.ok) health.error(`setting up ${race.raceId} for the replay: ${result.error}`);
      }
    }
    const guns = new Map(races.map((r) => [r.raceId, r.gunAtMs]));
    const passings = file.passings.filter((p) => guns.has(p.raceId));
    const incoming = (p: (typeof passings)[number]): IncomingPassing => ({ row: `message at ${formatOffset(p.atMs)} (bib ${p.bib}${p.note ? `, ${p.note}` : ''})`, raceId: p.raceId, bib: p.bib, metres: p.metres, elapsedMs: p.elapsedMs });
    // Hub time at the replay's 0: its start, or after a hub restart wherever the race clocks on air say it is.
    let origin = startedAt;
    let resent: IncomingPassing[] = [];
    if (!fromTheStart) ({ origin, next, resent } = resumePoint(passings, guns, incoming));

    const tick = async () => {
      const now = hub.now();
      const replayed = (now - origin) * feed.speed;
      // Each race's gun where the replayed clock puts it (once at 1x; every tick faster, as its clock runs fast),
      // until the last message: then the clocks run on at 1x and the show stops changing.
      const playing = next < passings.length;
      for (const [raceId, gunAtMs] of playing ? guns : []) {
        const gunTime = Math.round(now - (replayed - gunAtMs));
        const race = hub.store.getState().races.find((r) => r.id === raceId);
        if (race && (race.gunTime === null || Math.abs(race.gunTime - gunTime) > 500)) await hub.submit({ type: 'setGunTime', raceId, gunTime });
      }
      const due = resent;
      resent = [];
      while (next < passings.length && passings[next]!.atMs <= replayed) due.push(incoming(passings[next++]!));
      if (stopped) return;
      // A tick with nothing due is no message: a feed that sends nothing must not look alive.
      if (due.length > 0) void ingest.take(due);
      if (next >= passings.length) {
        health.finished = true;
        if (timer) clearInterval(timer);
      }
    };
    let busy = false;
    timer = setInterval(() => {
      if (busy || stopped) return;
      busy = true;
      void tick().finally(() => (busy = false));
    }, TICK_MS);
  }

  /**
   * Where a replay carried on after a hub restart picks up, from what the show holds. While it plays, each gun
   * is kept at now - (replayed - gunAtMs), so the race clock on air says how far it had got (it ran on at 1x
   * while the hub was down; after the last message it is where the replay left it): it goes on from there at its
   * speed, the guns staying where they are. Of the messages due by then it sends again only what would change a
   * race (not ones the race has, stored, held or rejected; not one a later due message corrects; not one
   * refused), and when the messages still to come would change nothing either, it has finished.
   */
  function resumePoint(passings: FeedFile['passings'], guns: Map<string, number>, incoming: (p: FeedFile['passings'][number]) => IncomingPassing) {
    const now = hub.now();
    const show = hub.store.getState();
    let position: number | null = null;
    for (const [raceId, gunAtMs] of guns) {
      const gunTime = show.races.find((r) => r.id === raceId)?.gunTime ?? null;
      if (gunTime !== null) {
        position = now - gunTime + gunAtMs;
        break;
      }
    }
    position ??= (now - startedAt) * feed.speed;
    let next = 0;
    while (next < passings.length && passings[next]!.atMs <= position) next++;
    // Each message as the hub would take it (null: it would be refused), and the athlete and point it is for.
    const taken = passings.map((p) => {
      const checked = ingest.check(incoming(p));
      if (!checked.ok) return null;
      const race = show.races.find((r) => r.id === checked.raceId)!;
      const point = (race.timingPoints ?? []).findIndex((tp) => Math.abs(tp.metres - checked.passing.metres) <= 1);
      return { race, passing: checked.passing, key: `${race.id}\n${checked.passing.bib}\n${point}` };
    });
    const lastFor = (upTo: number) => {
      const last = new Map<string, number>();
      for (let i = 0; i < upTo; i++) if (taken[i]) last.set(taken[i]!.key, i);
      return last;
    };
    const changes = (i: number, last: Map<string, number>) => {
      const t = taken[i];
      return t != null && last.get(t.key) === i && !alreadyRecorded(t.race, t.passing);
    };
    const lastDue = lastFor(next);
    const resent = passings.slice(0, next).flatMap((p, i) => (changes(i, lastDue) ? [incoming(p)] : []));
    const lastOfAll = lastFor(passings.length);
    let finished = true;
    for (let i = next; i < passings.length && finished; i++) if (taken[i] === null || changes(i, lastOfAll)) finished = false;
    return { origin: now - position / feed.speed, next: finished ? passings.length : next, resent };
  }

  function mergedPoints(raceId: string, points: FeedFile['races'][number]['timingPoints']) {
    const existing = hub.store.getState().races.find((r) => r.id === raceId)?.timingPoints ?? [];
    const merged = [...existing];
    for (const point of points) if (!merged.some((p) => Math.abs(p.metres - point.metres) <= 1)) merged.push(point);
    return merged.sort((a, b) => a.metres - b.metres);
  }

  void start();
  return {
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };
}

function formatOffset(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
