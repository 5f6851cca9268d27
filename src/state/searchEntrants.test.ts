import { describe, expect, it } from 'vitest';
import type { Entrant } from '../protocol/entrant';
import { searchEntrants } from './searchEntrants';

const list: Entrant[] = [
  { bib: '112', name: 'Abel Kirui' },
  { bib: '1', name: 'Eliud Kipchoge', displayName: 'Kipchoge' },
  { bib: '12', name: 'Kaan Çelik' },
  { bib: 'F12', name: 'Zoë Ménard', displayName: 'Ménard' },
  { bib: '120', name: 'Stanley Biwott' },
  { bib: '9', name: 'Ruth Chepngetich 12' },
  { bib: '77', name: 'Łukasz Żółć' },
  { bib: '78', name: 'Øyvind Strøm' },
];
const bibs = (query: string) => searchEntrants(list, query).map((e) => e.bib);
// As a timing company's export has them: bibs padded with zeros, names as Excel wrote them (Windows-1252 quotes).
const exported: Entrant[] = [
  { bib: '7', name: 'Ruth Chepngetich' },
  { bib: '007', name: "Seamus O'Brien" },
  { bib: '0120', name: 'Aoife O’Connor' },
  { bib: '71', name: 'Zoë Çelik-Yılmaz' },
  { bib: '120', name: 'Stanley Biwott' },
];
const exportedBibs = (query: string) => searchEntrants(exported, query).map((e) => e.bib);

describe('searching a start list', () => {
  it('puts the bib typed exactly first, then bibs starting with it, then names holding it, each in start-list order', () => {
    expect(bibs('12')).toEqual(['12', '120', '9']);
    expect(bibs('11')).toEqual(['112']);
    expect(bibs('f1')).toEqual(['F12']);
  });

  it('finds a name or display name in any case and without its accents', () => {
    expect(bibs('celik')).toEqual(['12']);
    expect(bibs('ZOE men')).toEqual(['F12']);
    expect(bibs('ménard')).toEqual(['F12']);
    expect(bibs('kipcho')).toEqual(['1']);
    expect(bibs('nobody')).toEqual([]);
  });

  it('finds letters that have no accent to drop as the plain letters typed for them', () => {
    expect(bibs('lukasz zolc')).toEqual(['77']);
    expect(bibs('ŁUKASZ')).toEqual(['77']);
    expect(bibs('oyvind strom')).toEqual(['78']);
  });

  it('finds a bib typed without its leading zeros, or with others, as exactly as the bib itself', () => {
    expect(exportedBibs('7')).toEqual(['7', '007', '71']);
    expect(exportedBibs('007')).toEqual(['7', '007', '71']);
    expect(exportedBibs('120')).toEqual(['0120', '120']);
    expect(exportedBibs('12')).toEqual(['0120', '120']);
  });

  it('finds a name without its apostrophe, or with a straight one for a curly one, and a hyphenated name by its words', () => {
    expect(exportedBibs('obrien')).toEqual(['007']);
    expect(exportedBibs("o'brien")).toEqual(['007']);
    expect(exportedBibs("o'connor")).toEqual(['0120']);
    expect(exportedBibs('oconnor')).toEqual(['0120']);
    expect(exportedBibs('O’CONNOR')).toEqual(['0120']);
    expect(exportedBibs('celik yilmaz')).toEqual(['71']);
    expect(exportedBibs('çelik-yılmaz')).toEqual(['71']);
  });

  it('finds everyone for an empty query', () => {
    expect(bibs('  ')).toEqual(list.map((e) => e.bib));
  });
});
