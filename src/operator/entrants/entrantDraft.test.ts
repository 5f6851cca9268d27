import { describe, expect, it } from 'vitest';
import type { Race } from '../../protocol/race';
import { draftOf, notReopenedText, readEntrantDraft, removalRefusal } from './entrantDraft';
import { findEntrants } from './entrantFind';

const race: Race = {
  id: 'elite-men',
  name: 'ELITE MEN',
  kind: 'elite-men',
  distanceM: 42_195,
  gunTime: 0,
  finishedAt: null,
  record: null,
  splits: [],
  entrants: [
    { bib: '112', name: 'Abel Kirui', country: 'KEN' },
    { bib: '1', name: 'Eliud Kipchoge', displayName: 'Kipchoge', country: 'KEN', category: 'ELITE', pbMs: 7_385_000 },
    { bib: '12', name: 'Tsegaye Kebede', country: 'ETH' },
    { bib: '120', name: 'Stanley Biwott', country: 'KEN' },
  ],
  timingPoints: [
    { metres: 10_000, label: '10K' },
    { metres: 21_097.5, label: 'HALFWAY' },
  ],
  passings: [
    ['12', 0, 1_730_000, 0],
    ['12', 1, 3_700_000, 0],
  ],
};
const draft = (fields: Partial<ReturnType<typeof draftOf>>) => ({ ...draftOf(null), ...fields });

describe('the entrant form', () => {
  it('reads a typed entrant with the hub’s schema: a country by name, a PB as a time, empty optional fields left out', () => {
    expect(readEntrantDraft(draft({ bib: ' 7 ', name: 'Wilson Kipsang', country: 'Kenya', pb: '2:03:23' }), race)).toEqual({ ok: true, entrant: { bib: '7', name: 'Wilson Kipsang', country: 'KEN', pbMs: 7_403_000 } });
    expect(draftOf(race.entrants![1]!)).toEqual({ bib: '1', name: 'Eliud Kipchoge', displayName: 'Kipchoge', country: 'KEN', category: 'ELITE', pb: '2:03:05' });
  });

  it('gives each problem at its field, in the schema’s words', () => {
    expect(readEntrantDraft(draft({ bib: '6', name: 'Zero PB', pb: '1:00' }), race)).toEqual({ ok: false, problems: { pb: "A personal best of 1:00 over 42.195 km can't be right: it would be faster than anyone has run it (under 1:32:00)." } });
    expect(readEntrantDraft(draft({ bib: '6', name: 'Abel \u202EKirui', displayName: '\u2066Kirui' }), race)).toEqual({ ok: false, problems: { name: 'must not contain invisible direction or format characters (U+202E): type the text again without them', displayName: 'must not contain invisible direction or format characters (U+2066): type the text again without them' } });
    expect(readEntrantDraft(draft({ bib: '6', name: 'x'.repeat(300) }), race)).toEqual({ ok: false, problems: { name: 'must be at most 80 characters' } });
    const read = readEntrantDraft(draft({ bib: '7 7', name: '', country: 'Narnia', pb: '9:99' }), race);
    expect(read).toEqual({
      ok: false,
      problems: {
        bib: 'must be a bib number: 1 to 8 letters, digits or hyphens, like 101 or F12',
        name: 'is required',
        country: expect.stringMatching(/^"Narnia" is not a country/),
        pb: expect.stringMatching(/9:99/),
      },
    });
  });
});

describe('finding an entrant', () => {
  it('puts the bib typed exactly first, then every entrant whose bib or name has each word', () => {
    expect(findEntrants(race.entrants!, '12').map((e) => e.bib)).toEqual(['12', '112', '120']);
    expect(findEntrants(race.entrants!, 'kip').map((e) => e.bib)).toEqual(['1']);
    expect(findEntrants(race.entrants!, 'ken KIR').map((e) => e.bib)).toEqual(['112']);
    expect(findEntrants(race.entrants!, '').length).toBe(4);
  });
});

describe('removing an entrant', () => {
  it('is refused for an athlete with times, naming where, and for one on air', () => {
    expect(removalRefusal(race, race.entrants![2]!, [])).toBe(
      'Tsegaye Kebede (bib 12) has times in ELITE MEN (at 10K, HALFWAY), so stays on the start list: times are never thrown away with a name. Correct the entrant instead, or remove a wrong passing (Passings… in the standings) or reject a misread one in the held queue.',
    );
    expect(removalRefusal(race, race.entrants![0]!, ['112'])).toBe('Abel Kirui (bib 112) is on air: take the graphic off air before removing the entrant.');
    expect(removalRefusal(race, race.entrants![0]!, [])).toBeNull();
  });
});

describe('an entrant form that cannot come back after a reload', () => {
  it('says why, and gives back only what was typed differently from the entrant as it was', () => {
    const was = race.entrants![0]!;
    expect(notReopenedText({ raceName: 'ELITE MEN', was }, false, { ...draftOf(was), name: 'Abel Kirui Mutai', country: 'Kenya' })).toBe(
      "Bib 112 was removed from ELITE MEN's start list (or renumbered) since you opened the form, so after the reload your edit of bib 112 (Abel Kirui) is not reopened. You had typed: Name “Abel Kirui Mutai”, Country “Kenya”.",
    );
    expect(notReopenedText({ raceName: 'ELITE MEN', was: null }, true, { bib: '7', name: '', pb: '' })).toBe(
      'ELITE MEN was removed from the show since you opened the form, so after the reload your new entrant for ELITE MEN is not reopened. You had typed: Bib “7”.',
    );
    expect(notReopenedText({ raceName: 'ELITE MEN', was }, false, undefined)).toMatch(/is not reopened\.$/);
  });
});
