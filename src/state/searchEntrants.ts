import { bibWithoutLeadingZeros, type Entrant } from '../protocol/entrant';

/**
 * Letters with no decomposition into a base letter and an accent, as an operator types them on an English
 * keyboard ("lukasz" finds "Łukasz", "oyvind" finds "Øyvind").
 */
const PLAIN: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ı: 'i', ŀ: 'l', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ŧ: 't' };
const UNPLAIN = new RegExp(`[${Object.keys(PLAIN).join('')}]`, 'g');

// Apostrophes as keyboards and exports write them (straight, curly from Windows-1252 Excel, modifier letter, backtick,
// acute): dropped, so "obrien" and "o'brien" both find "O’Brien".
const APOSTROPHES = /['\u2018\u2019\u02bc\u0060\u00b4]/g;
// Other punctuation (a hyphen, a full stop, a comma) separates words: "celik yilmaz" finds "Çelik-Yılmaz".
const PUNCTUATION = /[\p{P}\p{S}]/gu;

/**
 * Text as a search compares it: lower case, accents dropped ("Çelik" finds "celik", "Łukasz" "lukasz"), apostrophes
 * dropped ("obrien" finds "O'Brien"), other punctuation and spaces a single space.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(UNPLAIN, (letter) => PLAIN[letter]!)
    .replace(APOSTROPHES, '')
    .replace(PUNCTUATION, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Folded names by entrant: a 40,000-entrant list is folded once, not on every keystroke of every operator.
const folded = new WeakMap<Entrant, string>();
function namesOf(entrant: Entrant): string {
  let text = folded.get(entrant);
  if (text === undefined) folded.set(entrant, (text = foldText(entrant.displayName ? `${entrant.name} ${entrant.displayName}` : entrant.name)));
  return text;
}

/**
 * The entrants a typed query finds in a start list: the bib typed exactly first (a commentator calls "number 12"),
 * then every bib starting with it, then every name or display name holding it, each in start-list order. Any case;
 * a bib's leading zeros ignored ("7" finds 007 as exactly as 7); accents, apostrophes and punctuation in names
 * ignored; an empty query finds everyone.
 */
export function searchEntrants(entrants: readonly Entrant[], query: string): Entrant[] {
  const q = foldText(query);
  if (q === '') return [...entrants];
  const typedBib = query.trim().toLowerCase();
  const typedNumber = bibWithoutLeadingZeros(typedBib);
  const exact: Entrant[] = [];
  const bibs: Entrant[] = [];
  const names: Entrant[] = [];
  for (const entrant of entrants) {
    const bib = entrant.bib.toLowerCase();
    const number = bibWithoutLeadingZeros(bib);
    if (bib === typedBib || number === typedNumber) exact.push(entrant);
    else if (bib.startsWith(typedBib) || number.startsWith(typedNumber)) bibs.push(entrant);
    else if (namesOf(entrant).includes(q)) names.push(entrant);
  }
  return [...exact, ...bibs, ...names];
}
