import { z } from 'zod';
import { describeIssues } from '../protocol/describeIssues';
import { CRAWL_MAX_ITEMS, CrawlItem, CrawlSpeed } from '../protocol/crawlItem';
import { contractOf, GRAPHIC_KINDS, type GraphicKind, type GraphicSpec } from '../protocol/graphicSpec';
import { HubTimeMs, Race, RaceRecord } from '../protocol/race';
import { DEFAULT_THEME } from '../protocol/templates/templateSet';
import { graphicSamples } from '../graphics/graphicSamples';
import { EMPTY_CRAWL, type CrawlState } from '../state/crawlState';
import { unknownBib } from '../state/entrantReferences';
import type { ShowState } from '../state/showState';

/**
 * What a package of one graphic kind takes as `data` (OGraf load/updateAction, CasparCG/SPX update): the kind's
 * own props, plus what the graphic would otherwise read from the rest of the show, since a playout has no hub:
 * the races (race clock, split banner, projection ticker; leaderboard, gap and athlete splits with their entrants and passings; a
 * profile or result card naming an entrant, with its start list and passings) and the crawl's items and motion (crawl). `theme`
 * picks one of the bundled themes. Validated with the same zod schemas the hub uses, so a refusal names the field.
 */
export type PackageData = Record<string, unknown> & { theme?: string };

/** Kinds that draw from the show's races. */
const RACE_KINDS: readonly GraphicKind[] = ['raceClock', 'splitBanner', 'projectionTicker', 'leaderboard', 'gap', 'athleteSplits'];
/** Kinds that may draw from an entrant (`entrant`: race and bib), given in `races` with its start list. */
const ENTRANT_KINDS: readonly GraphicKind[] = ['athleteProfile', 'resultCard'];

/** How the host renders (OGraf `renderType`): real time on the wall clock, non-real time on its schedule's timeline. */
export type PackageRenderType = 'realtime' | 'non-realtime';

// The hub's range for gun and finish instants (protocol/commands/raceCommands.ts, README "Races"): a time in
// seconds reads as 1970 and drew a clock of 498942:53:55, one in µs a negative clock.
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1) - 1;
const asDate = (ms: number) => (Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : 'beyond any calendar');
const outOfRange = (issue: { input?: unknown }) =>
  `is ${asDate(issue.input as number)}: must be a time between 2000 and 2100, in ms since the epoch (1461488400000 is 2016-04-24T09:00:00Z; ${(issue.input as number) < EARLIEST_MS ? 'a time in seconds reads as 1970' : 'a time in µs reads far in the future'})`;
const WallClockMs = HubTimeMs.min(EARLIEST_MS, { error: outOfRange }).max(LATEST_MS, { error: outOfRange });

/**
 * A race as a package takes it: the show's Race, with the clock fields optional. `gunTime` and `finishedAt` are
 * times on the graphic's clock in ms: the epoch (Date.now()) in real time, from 2000 to 2100 as the hub takes
 * them; the schedule's timeline in non-real time.
 */
function packageRaces(renderType: PackageRenderType) {
  const instant = renderType === 'realtime' ? WallClockMs : HubTimeMs;
  const race = Race.extend({
    gunTime: instant.nullable().default(null),
    finishedAt: instant.nullable().default(null),
    record: RaceRecord.nullable().default(null),
    splits: Race.shape.splits.default([]),
  });
  return z
    .array(race)
    .max(20)
    .refine((races) => new Set(races.map((r) => r.id)).size === races.length, 'race ids must be unique');
}

/** The crawl's content and motion, as data (the hub keeps these in the show, changed by crawl commands). */
const crawlFields = {
  items: z.array(CrawlItem).max(CRAWL_MAX_ITEMS).default([]),
  running: z.boolean().default(true),
  speedPxPerS: CrawlSpeed.default(EMPTY_CRAWL.speedPxPerS),
};

/**
 * The data schema of a kind's package (see PackageData); `themes` are the bundled theme names. The manifest
 * gives GUIs the real-time one (its gun times within 2000 to 2100).
 */
export function packageDataSchema(kind: GraphicKind, themes: readonly string[] = [DEFAULT_THEME], renderType: PackageRenderType = 'realtime') {
  const contract = contractOf(kind);
  const PackageRaces = packageRaces(renderType);
  const props = contract.props as unknown as z.ZodObject;
  const theme = z.enum(themes as [string, ...string[]]).default(DEFAULT_THEME);
  if (kind === 'crawl') return props.extend({ ...crawlFields, theme });
  if (ENTRANT_KINDS.includes(kind)) {
    return props.extend({ races: PackageRaces.default([]), theme }).superRefine((data, ctx) => {
      const ref = data.entrant as { raceId: string; bib: string } | undefined;
      if (!ref) return;
      const race = (data.races as { id: string; entrants?: { bib: string }[] }[]).find((r) => r.id === ref.raceId);
      if (!race) ctx.addIssue({ code: 'custom', path: ['entrant', 'raceId'], message: `no race "${ref.raceId}" in races (give it there with its entrants)` });
      else if (!race.entrants?.some((e) => e.bib === ref.bib)) ctx.addIssue({ code: 'custom', path: ['entrant', 'bib'], message: `no bib ${ref.bib} in the entrants of race "${ref.raceId}"` });
    });
  }
  if (!RACE_KINDS.includes(kind)) return props.extend({ theme });
  return props.extend({ races: PackageRaces, theme }).superRefine((data, ctx) => {
    const ids = new Set((data.races as { id: string }[]).map((race) => race.id));
    const named = 'raceIds' in data ? (data.raceIds as string[]).map((id, i) => [['raceIds', i], id] as const) : [[['raceId'], data.raceId as string] as const];
    for (const [path, id] of named) {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: [...path], message: `no race "${id}" in races (give it there: id, name, kind, distanceM)` });
    }
    if ('bib' in data) {
      const race = (data.races as Race[]).find((r) => r.id === data.raceId);
      if (race && !race.entrants?.some((e) => e.bib === data.bib)) ctx.addIssue({ code: 'custom', path: ['bib'], message: unknownBib(data.bib as string, race) });
    }
  });
}

/** The kind's props and the show around them, from data that passed packageDataSchema. */
export function showParts(kind: GraphicKind, data: Record<string, unknown>): { graphic: GraphicSpec; races: ShowState['races']; crawl: CrawlState | null } {
  const { races, items, running, speedPxPerS, theme: _theme, ...props } = data;
  const crawl = kind === 'crawl' ? { ...EMPTY_CRAWL, items: items as CrawlState['items'], running: running as boolean, speedPxPerS: speedPxPerS as number } : null;
  return { graphic: { kind, props } as GraphicSpec, races: (races as ShowState['races'] | undefined) ?? [], crawl };
}

/**
 * The data a package shows when the host gives none: the kind's first gallery sample, with the races or crawl
 * items it draws from. It is also the `default` of each field in the manifest's schema.
 */
export function defaultData(kind: GraphicKind): Record<string, unknown> {
  const sample = graphicSamples[kind]![0]!;
  const data: Record<string, unknown> = { ...sample.graphic.props };
  // Without their clock (no gun, no finish: 0:00 until a startRace), since the samples' gun times are on the
  // gallery's 0–9 s timeline, not the wall clock; and without null fields, which GDD cannot type.
  if (RACE_KINDS.includes(kind)) {
    data.races = (sample.show?.races ?? []).map(({ gunTime: _gun, finishedAt: _finish, ...race }) => Object.fromEntries(Object.entries(race).filter(([, value]) => value !== null)));
  }
  if (kind === 'crawl') {
    const crawl = sample.show?.crawl ?? EMPTY_CRAWL;
    Object.assign(data, { items: crawl.items, running: crawl.running, speedPxPerS: crawl.speedPxPerS });
  }
  return data;
}

/** Validates data for a kind: the parsed data, or one sentence naming each field at fault. */
export function parsePackageData(
  kind: GraphicKind,
  data: unknown,
  themes?: readonly string[],
  renderType: PackageRenderType = 'realtime',
): { ok: true; data: Record<string, unknown> } | { ok: false; error: string } {
  const parsed = packageDataSchema(kind, themes, renderType).safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data as Record<string, unknown> };
  return { ok: false, error: describeIssues(parsed.error) };
}

/** Every kind, by the id its package has: `finishline-name-card` for nameCard. */
export function packageId(kind: GraphicKind): string {
  return `finishline-${kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export const PACKAGE_KINDS: readonly GraphicKind[] = GRAPHIC_KINDS.map((contract) => contract.kind);
