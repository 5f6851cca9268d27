import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nameCard } from '../../protocol/kinds/nameCard';
import { fieldsOf, labelOf, readDecimal, valueFromText } from './schemaFields';

describe('fieldsOf', () => {
  it("describes the name card's props: a required name, a role with a default, an optional long quote", () => {
    expect(fieldsOf(nameCard.props)).toEqual([
      { key: 'name', label: 'Name', required: true, type: 'text', maxLength: 80, multiline: false },
      { key: 'role', label: 'Role', required: false, type: 'text', maxLength: 120, multiline: false, default: '' },
      { key: 'quote', label: 'Quote', required: false, type: 'text', maxLength: 240, multiline: true },
    ]);
  });

  it('describes numbers, choices, flags, nested objects and lists of any kind generically', () => {
    const schema = z.strictObject({
      age: z.number().int().min(14).max(99),
      country: z.enum(['KEN', 'ETH', 'GBR']),
      side: z.union([z.literal('left'), z.literal('right')]).default('left'),
      record: z.boolean().optional(),
      best: z.strictObject({ time: z.string().meta({ title: 'Best time', description: 'h:mm:ss' }) }),
      splits: z.array(z.number()).max(10),
    });
    expect(fieldsOf(schema)).toEqual([
      { key: 'age', label: 'Age', required: true, type: 'number', integer: true, min: 14, max: 99 },
      { key: 'country', label: 'Country', required: true, type: 'choice', options: ['KEN', 'ETH', 'GBR'] },
      { key: 'side', label: 'Side', required: false, type: 'choice', options: ['left', 'right'], default: 'left' },
      { key: 'record', label: 'Record', required: false, type: 'boolean' },
      { key: 'best', label: 'Best', required: true, type: 'group', fields: [{ key: 'time', label: 'Best time', description: 'h:mm:ss', required: true, type: 'text', multiline: false }] },
      { key: 'splits', label: 'Splits', required: true, type: 'list', maxItems: 10, item: { key: 'item', label: 'Item', required: true, type: 'number', integer: false } },
    ]);
  });

  it('falls back to a JSON box for shapes it has no widget for', () => {
    const schema = z.strictObject({ anything: z.union([z.string(), z.number()]) });
    expect(fieldsOf(schema)).toEqual([{ key: 'anything', label: 'Anything', required: true, type: 'json' }]);
  });
});

describe('labelOf', () => {
  it('turns keys into labels', () => {
    expect([labelOf('bestTime'), labelOf('country_code'), labelOf('name')]).toEqual(['Best time', 'Country code', 'Name']);
  });
});

describe('valueFromText', () => {
  const [age, bib] = fieldsOf(z.strictObject({ age: z.number().int(), bib: z.number().optional() }));
  it('reads numbers, leaves an empty optional box unset and names a bad or missing number', () => {
    expect(valueFromText(age!, ' 31 ')).toEqual({ value: 31 });
    expect(valueFromText(bib!, '')).toEqual({ value: undefined });
    expect(valueFromText(age!, '')).toEqual({ error: 'is required' });
    expect(valueFromText(age!, 'thirty')).toEqual({ error: 'must be a plain number like 8 or 2.5, not “thirty”' });
  });

  it('reads plain decimal numbers only: hex, binary, octal, exponents and Infinity are named, never read as 16, 3 or 100', () => {
    for (const text of ['0x10', '0b11', '0o7', '1e2', 'Infinity', '1_000', '.', '+']) expect(valueFromText(age!, text)).toEqual({ error: `must be a plain number like 8 or 2.5, not “${text}”` });
    expect(['8', '-3', '2.5', '.5', '007', ' 12 '].map((text) => valueFromText(bib!, text))).toEqual([8, -3, 2.5, 0.5, 7, 12].map((value) => ({ value })));
    expect([readDecimal('0x40'), readDecimal('64')]).toEqual([null, 64]);
  });

  it('refuses invisible direction and format characters in text (a right-to-left override would reverse it on air), naming them', () => {
    const [name] = fieldsOf(z.strictObject({ name: z.string() }));
    expect(valueFromText(name!, 'Steve\u202ECram')).toEqual({ error: 'must not contain invisible direction or format characters (U+202E): type the text again without them' });
    expect(valueFromText(name!, 'Zoë Çelik 👩\u200D👩')).toEqual({ value: 'Zoë Çelik 👩\u200D👩' });
  });
});

