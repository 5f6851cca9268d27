import type { GraphicKind } from '../protocol/graphicSpec';
import type { GraphicChange } from './graphicSession';
import { parsePackageData } from './packageData';

export type ScheduledChange = { timestamp: number; change: GraphicChange };

type Entry = { timestamp?: unknown; action?: { type?: unknown; params?: Record<string, unknown> } };

/**
 * Reads an OGraf actions schedule (non-real time) into changes ordered by time. Each update's data is checked
 * as it would stand after the updates before it, so a schedule that would fail later is refused now, naming
 * the entry and field (`schedule.2.action.params.data.name: is required`).
 */
export function parseSchedule(kind: GraphicKind, loaded: Record<string, unknown>, schedule: unknown, themes: readonly string[]): { ok: true; schedule: ScheduledChange[] } | { ok: false; error: string } {
  if (!Array.isArray(schedule)) return { ok: false, error: 'schedule: give a list of { timestamp, action: { type, params } }' };
  const entries: (ScheduledChange & { index: number })[] = [];
  for (const [index, entry] of (schedule as Entry[]).entries()) {
    const at = `schedule.${index}`;
    if (typeof entry?.timestamp !== 'number' || !Number.isFinite(entry.timestamp)) return { ok: false, error: `${at}.timestamp: give a time in ms` };
    const params = entry.action?.params ?? {};
    const skipAnimation = params.skipAnimation === true;
    const type = entry.action?.type;
    let change: GraphicChange;
    if (type === 'playAction') change = { type: 'play', skipAnimation };
    else if (type === 'stopAction') change = { type: 'stop', skipAnimation };
    else if (type === 'updateAction') {
      const data = params.data;
      if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: `${at}.action.params.data: give the fields to change as an object` };
      change = { type: 'update', data: data as Record<string, unknown>, skipAnimation };
    } else if (type === 'customAction') change = { type: 'custom', id: String(params.id), payload: params.payload, skipAnimation };
    else return { ok: false, error: `${at}.action.type: must be playAction, stopAction, updateAction or customAction, not ${JSON.stringify(type)}` };
    entries.push({ index, timestamp: entry.timestamp, change });
  }
  entries.sort((a, b) => a.timestamp - b.timestamp || a.index - b.index);
  let data = loaded;
  for (const { index, change } of entries) {
    if (change.type !== 'update') continue;
    const parsed = parsePackageData(kind, { ...data, ...change.data }, themes, 'non-realtime');
    if (!parsed.ok) return { ok: false, error: `schedule.${index}.action.params.data: ${parsed.error}` };
    data = parsed.data;
  }
  return { ok: true, schedule: entries.map(({ timestamp, change }) => ({ timestamp, change })) };
}
