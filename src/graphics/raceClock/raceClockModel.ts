import { formatTime } from '../../core';
import type { RaceClockProps } from '../../protocol/kinds/raceClock';
import type { ShowState } from '../../state/showState';

/** One row of the race clock: what it needs to compute its time at any hub time. */
export type ClockRow = { id: string; name: string; gunTime: number | null; finishedAt: number | null };
export type RaceClockModel = { rows: ClockRow[] };

/** The races named by the props, in the order named (a race no longer in the show is left out). */
export function resolveRaceClock(props: RaceClockProps, show: ShowState): RaceClockModel {
  const rows: ClockRow[] = [];
  for (const id of props.raceIds) {
    const race = show.races.find((r) => r.id === id);
    if (race) rows.push({ id, name: race.name, gunTime: race.gunTime, finishedAt: race.finishedAt });
  }
  return { rows };
}

/**
 * The clock text for a race at hub time t: h:mm:ss (m:ss under an hour) since the gun.
 * No gun yet: 0:00. Gun set in the future: a countdown (-0:05, -0:04 ... 0:00). Finished: frozen at the
 * finish. Computed, never ticked, so every output shows the same second at the same hub time, and for
 * increasing t the shown second only ever steps by one (formatTime floors; see core shownSecond).
 */
export function clockText(row: ClockRow, hubTime: number): string {
  if (row.gunTime === null) return formatTime(0);
  const until = row.finishedAt === null ? hubTime : Math.min(hubTime, row.finishedAt);
  return formatTime(until - row.gunTime);
}
