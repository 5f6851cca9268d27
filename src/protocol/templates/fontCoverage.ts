import type { Race } from '../race';

/**
 * The code points the bundled faces (bundledFonts.ts) declare, the union of their @fontsource unicode-ranges
 * (fontCoverage.test.ts checks it against the packages' CSS: re-run it after adding a face). A range is what a
 * face's files are split by, so a few code points in it may still lack a glyph; everything outside it (CJK,
 * Korean, most emoji) is drawn as boxes or in whatever font the playout machine has.
 */
export const BUNDLED_CODE_POINTS =
  '0000-02CC,02CE-02D7,02DA,02DC-0305,0307-0309,030E,0310,0312,0315,031A,0323,0326-0327,0329,032C,032F-0333,0338,033A,0346,034D,0370-0377,037A-037F,0384-038A,038C,038E-03A1,03A3-052F,0600-06FF,0750-077F,0870-088E,0890-0891,0897-08E1,08E3-097F,0E01-0E5B,1200-1399,1C80-1C8A,1CD0-1CF9,1D00-1DBF,1E00-2071,2074-208E,2090-209C,20A0-20C0,20D0-20F0,2100-244A,2460-24FF,25A0-2BFF,2C60-2C7F,2D80-2DDE,2DE0-2DFF,2E41,3030,4DC0-4DFF,A640-A69F,A720-A7FF,A830-A839,A8E0-A8FF,AB01-AB2E,FB50-FDFF,FE2E-FE2F,FE70-FE74,FE76-FEFC,FEFF,FF5B,FF5D,FFF9-FFFB,FFFD,10140-1018E,10190-1019C,101A0,101D0-101FD,102E0-102FB,10E60-10E7E,10EC2-10EC4,10EFC-10EFF,11B00-11B09,1D2C0-1D2D3,1D2E0-1D37F,1D400-1D7FF,1E7E0-1E7E6,1E7E8-1E7EB,1E7ED-1E7EE,1E7F0-1E7FE,1EE00-1EEFF,1F000-1F1AD,1F1E6-1F1FF,1F30D-1F30F,1F315,1F31C,1F31E,1F320-1F32C,1F336,1F378,1F37D,1F382,1F393-1F39F,1F3A7-1F3A8,1F3AC-1F3AF,1F3C2,1F3C4-1F3C6,1F3CA-1F3CE,1F3D4-1F3E0,1F3ED,1F3F1-1F3F3,1F3F5-1F3F7,1F408,1F415,1F41F,1F426,1F43F,1F441-1F442,1F444,1F446-1F449,1F44C-1F44E,1F453,1F46A,1F47D,1F4A3,1F4B0,1F4B3,1F4B9,1F4BB,1F4BF,1F4C8-1F4CB,1F4D6,1F4DA,1F4DF,1F4E3-1F4E6,1F4EA-1F4ED,1F4F7,1F4F9-1F4FB,1F4FD-1F4FE,1F503,1F507-1F50B,1F50D,1F512-1F513,1F53E-1F54A,1F54F-1F5FA,1F610,1F650-1F67F,1F687,1F68D,1F691,1F694,1F698,1F6AD,1F6B2,1F6B9-1F6BA,1F6BC,1F6C6-1F6CF,1F6D3-1F6D7,1F6E0-1F6EA,1F6F0-1F6F3,1F6F7-1F6FC,1F700-1F80B,1F810-1F847,1F850-1F859,1F860-1F887,1F890-1F8AD,1F8B0-1F8BB,1F8C0-1F8C1,1F900-1F90B,1F93B,1F946,1F984,1F996,1F9E9,1FA00-1FA7C,1FA80-1FA89,1FA8F-1FAC6,1FACE-1FADC,1FADF-1FAE9,1FAF0-1FAF8,1FB00-1FBFF';

const RANGES: readonly (readonly [number, number])[] = BUNDLED_CODE_POINTS.split(',').map((part) => {
  const [from, to = from] = part.split('-');
  return [Number.parseInt(from!, 16), Number.parseInt(to!, 16)] as const;
});

/** True if a bundled face declares this code point. */
export function isBundled(codePoint: number): boolean {
  let low = 0;
  let high = RANGES.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [from, to] = RANGES[mid]!;
    if (codePoint < from) high = mid - 1;
    else if (codePoint > to) low = mid + 1;
    else return true;
  }
  return false;
}

/** Everything up to U+02CC (Latin, with its extensions) is bundled: most names end the check here. */
const SURELY_BUNDLED = /^[\u0000-\u02cc]*$/;

/** How many characters of `text` no bundled face has (each occurrence counts). */
export function unbundledCount(text: string): number {
  if (SURELY_BUNDLED.test(text)) return 0;
  let count = 0;
  for (const char of text) if (!isBundled(char.codePointAt(0)!)) count++;
  return count;
}

/** A warning per text with such characters, e.g. "設楽 悠太: 4 characters no bundled font has (drawn as boxes or in a system font)". */
export function unbundledWarning(text: string): string | null {
  const count = unbundledCount(text);
  if (count === 0) return null;
  const shown = [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
  return `${shown}: ${count} character${count === 1 ? '' : 's'} no bundled font has (drawn as boxes or in a system font)`;
}

/** At most this many warnings per graphic; more are summed up in one line. */
const MAX_WARNINGS = 5;

/**
 * What an operator should hear before a graphic goes to air: each of its texts (every string in its props) and
 * each name of the entrants of the races it draws from (`raceId`, `raceIds`) with characters no bundled face has.
 * Never a refusal: the operator decides whether it goes.
 */
export function graphicFontWarnings(props: unknown, races: readonly Race[]): string[] {
  const texts = new Set<string>();
  const raceIds = new Set<string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      texts.add(value);
      if (key === 'raceId' || key === 'raceIds') raceIds.add(value);
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(props, '');
  for (const race of races) {
    if (raceIds.has(race.id)) for (const text of unbundledNamesOf(race.entrants ?? [])) texts.add(text);
  }
  const warnings = [...texts].map(unbundledWarning).filter((warning) => warning !== null);
  if (warnings.length <= MAX_WARNINGS) return warnings;
  return [...warnings.slice(0, MAX_WARNINGS - 1), `and ${warnings.length - MAX_WARNINGS + 1} more texts with characters no bundled font has`];
}

/**
 * The entrants' names and display names with characters no bundled face has, worked out once per start list (a
 * list is replaced, never changed in place, when it changes): a take of a mass race's leaderboard would otherwise
 * scan 40,000 names on the hub's take path every time.
 */
const unbundledNames = new WeakMap<readonly object[], string[]>();
function unbundledNamesOf(entrants: NonNullable<Race['entrants']>): string[] {
  let names = unbundledNames.get(entrants);
  if (!names) {
    names = [];
    for (const entrant of entrants) {
      if (unbundledCount(entrant.name) > 0) names.push(entrant.name);
      if (entrant.displayName && unbundledCount(entrant.displayName) > 0) names.push(entrant.displayName);
    }
    unbundledNames.set(entrants, names);
  }
  return names;
}
