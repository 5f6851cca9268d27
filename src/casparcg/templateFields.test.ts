import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_KINDS, packageId } from '../ograf/packageData';
import { describe, expect, it } from 'vitest';
import { dataFromFields, parseTemplateData, templateFields } from './templateFields';

const THEMES = ['finishline', 'night'];

describe('CasparCG templateData', () => {
  // XML is read with the browser's DOMParser, which Node lacks: test/ograf.test.ts drives it in Chromium.
  it('takes the same as JSON text or an object (SPX sends JSON)', () => {
    expect(parseTemplateData('{"f0":"Steve Cram"}')).toEqual({ ok: true, values: { f0: 'Steve Cram' } });
    expect(parseTemplateData({ name: 'Steve Cram' })).toEqual({ ok: true, values: { name: 'Steve Cram' } });
  });

  it('refuses text that is neither, saying what to send', () => {
    expect(parseTemplateData('Steve Cram')).toEqual({ ok: false, error: 'give templateData XML (<templateData><componentData id="name">…) or a JSON object' });
  });
});

describe('template fields', () => {
  it('are the kind’s props in order (f0, f1, ...), an object’s fields dotted, lists as JSON', () => {
    expect(templateFields('athleteProfile', THEMES).map((f) => `${f.id}:${f.type}`)).toEqual([
      'name:text',
      'age:number',
      'country:text',
      'bio:textarea',
      'best.label:text',
      'best.time:text',
      'best.note:text',
      'entrant.raceId:text',
      'entrant.bib:text',
      'races:json',
      'theme:select',
    ]);
    expect(templateFields('raceClock', THEMES).map((f) => `${f.id}:${f.type}`)).toEqual(['raceIds:json', 'races:json', 'theme:select']);
  });

  it('turn field values into package data: f-numbers, dotted objects, numbers and JSON parsed, empty non-text and empty text inside an object left out', () => {
    const fields = templateFields('athleteProfile', THEMES);
    expect(dataFromFields(fields, { f0: 'Dennis Kimetto', age: '32', country: 'KEN', 'best.label': 'World record', 'best.time': '2:02:57', f7: '', f8: '', f10: '' })).toEqual({
      ok: true,
      data: { name: 'Dennis Kimetto', age: 32, country: 'KEN', best: { label: 'World record', time: '2:02:57' } },
    });
    expect(dataFromFields(fields, { 'entrant.raceId': 'elite-men', 'entrant.bib': '1', races: '[]' })).toEqual({ ok: true, data: { entrant: { raceId: 'elite-men', bib: '1' }, races: [] } });
    expect(dataFromFields(templateFields('raceClock', THEMES), { raceIds: '["elite-men"]' })).toEqual({ ok: true, data: { raceIds: ['elite-men'] } });
  });

  it('refuse a value they cannot read, or a field the template does not have, by name', () => {
    const fields = templateFields('statCard', THEMES);
    expect(dataFromFields(fields, { value: 'lots' })).toEqual({ ok: false, error: 'value: "lots" is not a number' });
    expect(dataFromFields(fields, { f9: 'x' })).toEqual({ ok: false, error: 'f9: not a field of this template; its fields are value (f0), unit (f1), caption (f2), theme (f3)' });
    expect(dataFromFields(templateFields('raceClock', THEMES), { raceIds: 'elite-men' })).toMatchObject({ ok: false, error: expect.stringMatching(/^raceIds: give it as JSON/) });
  });
});

describe('README', () => {
  it('lists every template’s fields in their f0, f1… order', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    for (const kind of PACKAGE_KINDS) {
      const row = templateFields(kind, ['finishline']).map((f, i) => `f${i} \`${f.id}\`${f.type === 'json' ? ' (JSON)' : ''}`).join(', ');
      expect(readme, packageId(kind)).toContain(`| \`${packageId(kind)}\` | ${row} |`);
    }
  });
});

