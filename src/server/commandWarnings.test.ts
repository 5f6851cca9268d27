import { describe, expect, it } from 'vitest';
import { Command } from '../protocol/command';
import type { Race } from '../protocol/race';
import { applyCommand } from '../state/applyCommand';
import { emptyShow, type ShowState } from '../state/showState';
import { commandWarnings } from './commandWarnings';

const NOW = Date.UTC(2026, 3, 24, 10, 0, 0);
const minutes = (m: number) => m * 60_000;

/** The hub's path: the command is checked, applied at NOW, and its warnings read from the show it made. */
function send(show: ShowState, input: unknown): { show: ShowState; warnings: string[] } {
  const command = Command.parse(input);
  const applied = applyCommand(show, command, { now: NOW });
  if (!applied.ok) throw new Error(applied.error);
  return { show: applied.state, warnings: commandWarnings(command, applied.state, NOW) };
}

// ELITE MEN: six athletes have passed 10K (its first timing point), none HALFWAY; splits at 10K (28:37) and HALFWAY (1:01:24).
const race: Race = {
  id: 'elite-men',
  name: 'ELITE MEN',
  kind: 'elite-men',
  distanceM: 42_195,
  gunTime: NOW - minutes(65),
  finishedAt: null,
  record: null,
  splits: [
    { metres: 10_000, label: '10K', elapsedMs: minutes(28) + 37_000, leaders: ['Kipchoge'] },
    { metres: 21_097.5, label: 'HALFWAY', elapsedMs: minutes(61) + 24_000, leaders: ['Bekele'] },
  ],
  entrants: ['1', '2', '3', '7', '8', '9'].map((bib) => ({ bib, name: `Runner ${bib}` })),
  timingPoints: [
    { metres: 10_000, label: '10K' },
    { metres: 21_097.5, label: 'HALFWAY' },
  ],
  passings: ['1', '2', '3', '7', '8', '9'].map((bib, i) => [bib, 0, minutes(28) + 37_000 + i * 1000, 0]),
  passingSources: ['rehearsal'],
};
const at10K: ShowState = { ...emptyShow('Test'), races: [race] };
const noPassings = { ...at10K, races: at10K.races.map((race) => ({ ...race, passings: [] })) };
const leaderboard = (props: Record<string, unknown>) => ({ type: 'take', graphic: { kind: 'leaderboard', props: { raceId: 'elite-men', ...props } } });

describe('the hub’s warnings for a leaderboard or gap that would go to air empty', () => {
  it('takes a leaderboard page past the last athlete at its point, and says why it is empty', () => {
    const taken = send(at10K, leaderboard({ top: 3, page: 3 }));
    expect(taken.show.onAir.centre?.graphic).toEqual({ kind: 'leaderboard', props: { raceId: 'elite-men', top: 3, page: 3 } });
    expect(taken.warnings).toEqual(["Page 3 of ELITE MEN's leaderboard starts at place 7: only 6 athletes have passed 10K; it stays empty until they do"]);
    expect(send(at10K, leaderboard({ top: 3, page: 2 })).warnings).toEqual([]);
  });

  it('takes a leaderboard at a timing point no one has passed yet (or before any passing), and says it shows AWAITING TIMES', () => {
    expect(send(at10K, leaderboard({ metres: 21_097.5, top: 8 })).warnings).toEqual(['No athlete of ELITE MEN has passed HALFWAY yet: the leaderboard shows AWAITING TIMES until one does']);
    expect(send(noPassings, leaderboard({ top: 8 })).warnings).toEqual(['No athlete of ELITE MEN has passed a timing point yet: the leaderboard shows AWAITING TIMES until one does']);
    expect(send(at10K, leaderboard({ metres: 10_000, top: 8 })).warnings).toEqual([]);
  });

  it('says the same of an update to an empty page, and of a gap taken before any passing', () => {
    const onAir = send(at10K, leaderboard({ top: 3, page: 1 })).show;
    expect(send(onAir, { type: 'update', layer: 'centre', graphic: { kind: 'leaderboard', props: { raceId: 'elite-men', top: 3, page: 5 } } }).warnings).toEqual([
      "Page 5 of ELITE MEN's leaderboard starts at place 13: only 6 athletes have passed 10K; it stays empty until they do",
    ]);
    expect(send(noPassings, { type: 'take', graphic: { kind: 'gap', props: { raceId: 'elite-men' } } }).warnings).toEqual([
      'No athlete of ELITE MEN has passed a timing point yet: the gap shows AWAITING TIMES until one does',
    ]);
    expect(send(at10K, { type: 'take', graphic: { kind: 'gap', props: { raceId: 'elite-men' } } }).warnings).toEqual([]);
  });
});

describe('the hub’s warnings for a gun time', () => {
  it('sets a gun that leaves a split ahead of the race clock, and names the contradiction', () => {
    const tenMinutesAgo = send(at10K, { type: 'setGunTime', raceId: 'elite-men', gunTime: NOW - minutes(10) });
    expect(tenMinutesAgo.show.races[0]!.gunTime).toBe(NOW - minutes(10));
    expect(tenMinutesAgo.warnings).toEqual(['HALFWAY 1:01:24 is ahead of the race clock this gun gives (10:00): check the gun time']);
    expect(send(at10K, { type: 'setGunTime', raceId: 'elite-men', gunTime: NOW + minutes(1) }).warnings).toEqual([
      'HALFWAY 1:01:24 is ahead of the race clock this gun gives (-1:00, a countdown to the gun): check the gun time',
    ]);
  });

  it('says nothing of a gun the splits fit, and measures a finished race by its finish', () => {
    expect(send(at10K, { type: 'setGunTime', raceId: 'elite-men', gunTime: NOW - minutes(62) }).warnings).toEqual([]);
    const noSplits = { ...at10K, races: at10K.races.map((race) => ({ ...race, splits: [] })) };
    expect(send(noSplits, { type: 'setGunTime', raceId: 'elite-men', gunTime: NOW + minutes(1) }).warnings).toEqual([]);
    const finished = { ...at10K, races: at10K.races.map((race) => ({ ...race, gunTime: NOW - minutes(180), finishedAt: NOW - minutes(60) })) };
    expect(send(finished, { type: 'setGunTime', raceId: 'elite-men', gunTime: NOW - minutes(90) }).warnings).toEqual([
      'HALFWAY 1:01:24 is ahead of the race clock this gun gives (30:00): check the gun time',
    ]);
  });
});
