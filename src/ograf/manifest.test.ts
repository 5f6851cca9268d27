import { ografValidator } from '../../test/harness/ografSchemas';
import { describe, expect, it } from 'vitest';
import { ografManifest } from './manifest';
import { defaultData, PACKAGE_KINDS, packageId, parsePackageData } from './packageData';

const { ajv, manifestErrors } = ografValidator();

const THEMES = ['finishline', 'night'];

describe('OGraf manifests', () => {
  it.each(PACKAGE_KINDS)('the %s manifest validates against the EBU OGraf v1 schema', (kind) => {
    const manifest = ografManifest(kind, { version: '1.0.0', themes: THEMES });
    expect(manifestErrors(manifest)).toEqual([]);
    expect(manifest.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(manifest).toMatchObject({ supportsRealTime: true, supportsNonRealTime: true, stepCount: 1, main: `${packageId(kind)}.mjs` });
  });

  it('the EBU schema refuses a manifest whose data schema is not GDD (a property without a type)', () => {
    const manifest = ografManifest('nameCard', { version: '1.0.0', themes: THEMES });
    const properties = manifest.schema.properties as Record<string, unknown>;
    const broken = { ...manifest, schema: { ...manifest.schema, properties: { ...properties, name: { anyOf: [{ type: 'string' }, { type: 'null' }] } } } };
    expect(manifestErrors(broken)).not.toEqual([]);
  });

  it.each(PACKAGE_KINDS)('the %s defaults pass both the GDD schema and the zod check the graphic makes', (kind) => {
    const { schema } = ografManifest(kind, { version: '1.0.0', themes: THEMES });
    const validateData = ajv.compile(schema);
    expect(validateData(defaultData(kind)) ? [] : validateData.errors).toEqual([]);
    expect(parsePackageData(kind, defaultData(kind), THEMES)).toMatchObject({ ok: true });
  });

  it('gives GUIs a gddType where one fits: one line, several lines, a select, a duration', () => {
    const nameCard = ografManifest('nameCard', { version: '1', themes: THEMES }).schema.properties as Record<string, { gddType?: string }>;
    expect([nameCard.name?.gddType, nameCard.quote?.gddType, nameCard.theme?.gddType]).toEqual(['single-line', 'multi-line', 'select']);
    const clock = ografManifest('raceClock', { version: '1', themes: THEMES }).schema.properties as Record<string, { items: { properties: Record<string, { gddType?: string; properties?: Record<string, { gddType?: string }> }> } }>;
    const race = clock.races!.items.properties;
    expect([race.kind?.gddType, race.record?.properties?.ms?.gddType]).toEqual(['select', 'duration-ms']);
  });

  it('refuses data that fails the props schema with a sentence naming the field', () => {
    expect(parsePackageData('nameCard', { name: '' })).toEqual({ ok: false, error: 'name: is required' });
    expect(parsePackageData('raceClock', { ...defaultData('raceClock'), raceIds: ['elite-men', 'nope'] })).toEqual({
      ok: false,
      error: 'raceIds.1: no race "nope" in races (give it there: id, name, kind, distanceM)',
    });
    expect(parsePackageData('statCard', { value: 'lots', caption: 'runners' })).toEqual({ ok: false, error: 'value: Invalid input: expected number, received string' });
    expect(parsePackageData('athleteSplits', { ...defaultData('athleteSplits'), bib: '99' })).toEqual({
      ok: false,
      error: "bib: Bib 99 is not on ŁÓDŹ · МАРАФОН's start list: its bibs are 1, 2, 3, 7, 8, 9.",
    });
    expect(parsePackageData('athleteSplits', { ...defaultData('athleteSplits'), bib: '1' }).ok).toBe(true);
  });

  it('refuses in real time a gun or finish time the hub would refuse (outside 2000 to 2100), with the reason', () => {
    const clock = defaultData('raceClock');
    const [race, ...others] = clock.races as Record<string, unknown>[];
    const withRace = (fields: Record<string, unknown>) => ({ ...clock, races: [{ ...race, ...fields }, ...others] });
    expect(parsePackageData('raceClock', withRace({ gunTime: 1 }), THEMES)).toEqual({
      ok: false,
      error: 'races.0.gunTime: is 1970-01-01T00:00:00.001Z: must be a time between 2000 and 2100, in ms since the epoch (1461488400000 is 2016-04-24T09:00:00Z; a time in seconds reads as 1970)',
    });
    expect(parsePackageData('raceClock', withRace({ gunTime: 99_999_999_999_999 }), THEMES)).toEqual({
      ok: false,
      error: 'races.0.gunTime: is 5138-11-16T09:46:39.999Z: must be a time between 2000 and 2100, in ms since the epoch (1461488400000 is 2016-04-24T09:00:00Z; a time in µs reads far in the future)',
    });
    const gun = Date.UTC(2016, 3, 24, 9);
    expect(parsePackageData('raceClock', withRace({ gunTime: gun, finishedAt: 1 }), THEMES)).toMatchObject({ ok: false, error: expect.stringMatching(/^races\.0\.finishedAt: is 1970/) });
    expect(parsePackageData('raceClock', withRace({ gunTime: gun, finishedAt: gun + 7_380_000 }), THEMES)).toMatchObject({ ok: true });
    // Non-real time: times on the schedule's timeline, from 0.
    expect(parsePackageData('raceClock', withRace({ gunTime: 1, finishedAt: 9000 }), THEMES, 'non-realtime')).toMatchObject({ ok: true });
  });

  it('gives GUIs the real-time range of gun and finish times in the manifest', () => {
    const clock = ografManifest('raceClock', { version: '1', themes: THEMES }).schema.properties as Record<string, { items: { properties: Record<string, { minimum?: number; maximum?: number }> } }>;
    const race = clock.races!.items.properties;
    for (const field of ['gunTime', 'finishedAt']) expect([race[field]?.minimum, race[field]?.maximum], field).toEqual([Date.UTC(2000, 0, 1), Date.UTC(2100, 0, 1) - 1]);
  });

  it('takes a profile or result card naming an entrant with the race and its start list in races, and names a bib that is not there', () => {
    const races = [{ id: 'elite-men', name: 'ELITE MEN', kind: 'elite-men', distanceM: 42_195, entrants: [{ bib: '1', name: 'Eliud Kipchoge', country: 'KEN' }] }];
    expect(parsePackageData('athleteProfile', { entrant: { raceId: 'elite-men', bib: '1' }, races })).toMatchObject({ ok: true, data: { entrant: { raceId: 'elite-men', bib: '1' } } });
    expect(parsePackageData('athleteProfile', { entrant: { raceId: 'elite-men', bib: '7' }, races })).toEqual({ ok: false, error: 'entrant.bib: no bib 7 in the entrants of race "elite-men"' });
    expect(parsePackageData('resultCard', { entrant: { raceId: 'elite-women', bib: '1' } })).toEqual({ ok: false, error: 'entrant.raceId: no race "elite-women" in races (give it there with its entrants)' });
    expect(parsePackageData('athleteProfile', { age: 30 })).toEqual({ ok: false, error: 'name: is required (or give an entrant: race and bib); country: is required (or give an entrant: race and bib)' });
  });
});
