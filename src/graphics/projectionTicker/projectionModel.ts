import { compareToRecord, formatTime, latestSplit, projectFinish } from '../../core';
import type { ProjectionTickerProps } from '../../protocol/kinds/projectionTicker';
import type { ShowState } from '../../state/showState';

/** A caption and its value, e.g. { caption: 'HALFWAY', value: '1:01:24' }. */
export type TickerSegment = { caption: string; value: string };

/**
 * What the projection ticker shows, every string formatted; null means the segment is not shown.
 * HALFWAY 1:01:24 · PROJECTED 2:02:48 · WORLD RECORD 2:02:57 · 9 S UNDER
 */
export type ProjectionModel = {
  raceName: string;
  split: TickerSegment | null;
  /** Null before any split and at the finish (the split is then the result itself). */
  projected: TickerSegment | null;
  record: TickerSegment | null;
  /** The projection (or, at the finish, the result) against the record. */
  delta: { text: string; direction: 'under' | 'over' | 'level' } | null;
};

export const PROJECTED_CAPTION = 'PROJECTED';

/** From the race's latest split: the finish it projects at an even pace, and how that stands against the record. */
export function resolveProjection(props: ProjectionTickerProps, show: ShowState): ProjectionModel {
  const race = show.races.find((r) => r.id === props.raceId);
  if (!race) return { raceName: '', split: null, projected: null, record: null, delta: null };
  const record = race.record ? { caption: race.record.label, value: formatTime(race.record.ms) } : null;
  const split = latestSplit(race.splits);
  if (!split) return { raceName: race.name, split: null, projected: null, record, delta: null };
  const atFinish = split.metres >= race.distanceM - 1;
  const finishMs = atFinish ? split.elapsedMs : projectFinish(split.elapsedMs, split.metres, race.distanceM);
  const comparison = race.record ? compareToRecord(finishMs, race.record.ms) : null;
  return {
    raceName: race.name,
    split: { caption: split.label, value: formatTime(split.elapsedMs) },
    projected: atFinish ? null : { caption: PROJECTED_CAPTION, value: formatTime(finishMs) },
    record,
    delta: comparison ? { text: comparison.text, direction: comparison.direction } : null,
  };
}

export type TickerItem = 'split' | 'projected' | 'record' | 'delta';
const ITEMS: TickerItem[] = ['split', 'projected', 'record', 'delta'];

/**
 * Where each shown item sits along the ticker's bar (from its start; null when not shown): shown items close up in
 * order, each in its template slot width, with a separator before each but the first, so a race without a record or
 * a finish without a projection never shows a separator beside nothing. `width` is the bar's.
 */
export function placeTickerItems(model: ProjectionModel, slots: Record<TickerItem, number>): { x: Record<TickerItem, number | null>; separators: TickerItem[]; width: number } {
  const x: Record<TickerItem, number | null> = { split: null, projected: null, record: null, delta: null };
  const separators: TickerItem[] = [];
  let width = 0;
  for (const item of ITEMS) {
    if (model[item] === null) continue;
    if (width > 0) separators.push(item);
    x[item] = width;
    width += slots[item];
  }
  return { x, separators, width };
}
