import type { GraphicSpec } from '../protocol/graphicSpec';
import type { Race } from '../protocol/race';
import { pointStart } from '../state/passingIndex';
import { furthestPoint, pointAt } from '../state/passingTable';

/**
 * Why a leaderboard or gap going to air will draw no athlete: no one has passed its timing point yet, or its page
 * starts past the last athlete there. Not a refusal: a board taken before the runners arrive fills in as they do.
 */
export function emptyBoardWarnings(graphic: GraphicSpec, races: readonly Race[]): string[] {
  if (graphic.kind !== 'leaderboard' && graphic.kind !== 'gap') return [];
  const race = races.find((r) => r.id === graphic.props.raceId);
  if (!race) return [];
  const title = graphic.kind === 'leaderboard' ? 'the leaderboard' : 'the gap';
  const point = graphic.kind === 'leaderboard' && graphic.props.metres !== undefined ? (pointAt(race, graphic.props.metres)?.index ?? null) : furthestPoint(race);
  if (point === null) return [`No athlete of ${race.name} has passed a timing point yet: ${title} shows AWAITING TIMES until one does`];
  if (graphic.kind === 'gap') return [];
  const label = race.timingPoints![point]!.label;
  // Rows are stored in point order: those at the point lie between its start and the next one's.
  const rows = race.passings ?? [];
  const passed = pointStart(rows, point + 1) - pointStart(rows, point);
  if (passed === 0) return [`No athlete of ${race.name} has passed ${label} yet: the leaderboard shows AWAITING TIMES until one does`];
  const { page, top } = graphic.props;
  const first = (page - 1) * top + 1;
  if (first <= passed) return [];
  const athletes = passed === 1 ? '1 athlete has' : `${passed} athletes have`;
  return [`Page ${page} of ${race.name}'s leaderboard starts at place ${first}: only ${athletes} passed ${label}; it stays empty until they do`];
}
