import { describe, expect, it } from 'vitest';
import type { Race } from '../../protocol/race';
import { draftOf, readRaceDraft, slugOf } from './raceDraft';

const men: Race = {
  id: 'elite-men',
  name: 'ELITE MEN',
  kind: 'elite-men',
  distanceM: 42195,
  gunTime: null,
  finishedAt: null,
  record: { label: 'WORLD RECORD', holder: 'Dennis Kimetto', year: 2014, ms: 7_377_000 },
  splits: [],
};

describe('readRaceDraft', () => {
  it('makes addRace and setRecord from a new race’s fields, with an id from its name', () => {
    const read = readRaceDraft({ ...draftOf(null), name: 'Elite Women', kind: 'elite-women', distance: 'marathon', paceUnit: 'mi', recordTime: '2:15:25', recordHolder: 'Paula Radcliffe', recordYear: '2003' }, null, [men]);
    expect(read).toEqual({
      ok: true,
      readings: { id: 'id elite-women (from the name)', distance: '42.195 km (26.2 mi)', recordTime: 'read as 2 h 15 min 25 s' },
      commands: [
        { type: 'addRace', raceId: 'elite-women', name: 'Elite Women', kind: 'elite-women', distanceM: 42195, paceUnit: 'mi' },
        { type: 'setRecord', raceId: 'elite-women', record: { label: 'WORLD RECORD', holder: 'Paula Radcliffe', year: 2003, ms: 8_125_000 } },
      ],
    });
  });

  it('edits with editRace only when the record is unchanged, and sends a null pace to remove it', () => {
    const read = readRaceDraft({ ...draftOf({ ...men, paceUnit: 'km' }), name: 'MEN', paceUnit: '' }, { ...men, paceUnit: 'km' }, [men]);
    expect(read.ok && read.commands).toEqual([{ type: 'editRace', raceId: 'elite-men', name: 'MEN', kind: 'elite-men', distanceM: 42195, paceUnit: null }]);
  });

  it('names every wrong field with the schema’s message or the reader’s, and makes no command', () => {
    const read = readRaceDraft({ ...draftOf(null), name: '', id: 'Elite Men', distance: '10', recordHolder: 'Someone', recordYear: '1700' }, null, [men]);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems).toEqual({
      distance: '"10" needs a unit: write 10 km or 10 mi.',
      recordTime: 'Enter the record time, or empty the record’s holder and year for no record',
      id: 'must be a slug like elite-men (lower-case letters, digits and single hyphens)',
      name: 'is required',
    });
  });

  it('refuses a record of 0:00 at its field before anything is sent, so a new race is never added without the record typed', () => {
    const read = readRaceDraft({ ...draftOf(null), name: 'Partial Race', distance: '10K', recordLabel: 'WORLD RECORD', recordTime: '0:00' }, null, [men]);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems).toEqual({ recordTime: "A record of 0:00 can't be right: a record is a time greater than zero." });
  });

  it('refuses an id a race already has', () => {
    const read = readRaceDraft({ ...draftOf(null), name: 'Elite men' }, null, [men]);
    expect(!read.ok && read.problems.id).toBe('"elite-men" is already the id of ELITE MEN: choose another');
  });

  it('makes slugs from names as the RaceId schema wants them', () => {
    expect(slugOf('  Élite Women — T54 ')).toBe('elite-women-t54');
  });
});
