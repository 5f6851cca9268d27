import { formatTime, standingsAt } from '../../core';
import { countryOf } from '../../protocol/country';
import { shownName } from '../../protocol/entrant';
import type { LeaderboardProps } from '../../protocol/kinds/leaderboard';
import { entrantOf, furthestPoint, pointAt, timedPassings } from '../../state/passingTable';
import type { ShowState } from '../../state/showState';

/** One line of the leaderboard, keyed by bib so a row moves when its athlete changes place. */
export type LeaderboardRow = { bib: string; place: string; name: string; country: string | null; time: string; change: number | null };
/**
 * What the leaderboard shows: the race, the timing point's caption, the rows of this page, and a caption in place
 * of rows when there are none (AWAITING TIMES: no one has passed the point, or not enough for this page).
 */
export type LeaderboardModel = { raceName: string; point: string; rows: LeaderboardRow[]; status: string | null };

/** The standings at the chosen (or latest) timing point, one page of them: the leader's time, everyone else's gap. */
export function resolveLeaderboard(props: LeaderboardProps, show: ShowState): LeaderboardModel {
  const race = show.races.find((r) => r.id === props.raceId);
  if (!race) return { raceName: '', point: '', rows: [], status: null };
  const chosen = props.metres === undefined ? furthestPoint(race) : (pointAt(race, props.metres)?.index ?? null);
  if (chosen === null) return { raceName: race.name, point: '', rows: [], status: 'AWAITING TIMES' };
  // Only this point and the one before (for places gained): a mass race holds thousands of rows.
  const passings = timedPassings(race, [chosen, chosen - 1]);
  const first = (props.page - 1) * props.top;
  const rows = standingsAt(passings, chosen)
    .slice(first, first + props.top)
    .map((standing) => {
      const entrant = entrantOf(race, standing.bib);
      return {
        bib: standing.bib,
        place: String(standing.place),
        name: entrant ? shownName(entrant) : `#${standing.bib}`,
        country: entrant?.country ? (countryOf(entrant.country)?.alpha2 ?? null) : null,
        time: standing.place === 1 ? formatTime(standing.elapsedMs) : `+${formatTime(standing.gapMs)}`,
        change: standing.placeChange,
      };
    });
  return { raceName: race.name, point: race.timingPoints![chosen]!.label, rows, status: rows.length > 0 ? null : awaiting(first, props.top) };
}

/** The caption of an empty page: the first page waits for any time at the point, a later one for its places. */
function awaiting(first: number, top: number): string {
  if (first === 0) return 'AWAITING TIMES';
  return top === 1 ? `PLACE ${first + 1} AWAITING TIMES` : `PLACES ${first + 1}–${first + top} AWAITING TIMES`;
}
