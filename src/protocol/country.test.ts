import { describe, expect, it } from 'vitest';
import { CountryCode, countryCodeOf } from './country';

const message = (text: string) => CountryCode.safeParse(text).error?.issues[0]?.message;

describe('country props', () => {
  it('keep an ISO code as typed, upper-case', () => {
    expect(CountryCode.parse(' ke ')).toBe('KE');
    expect(CountryCode.parse('ETH')).toBe('ETH');
  });

  it('take a country’s English name or common alias, in any case, and store its alpha-3 code', () => {
    expect(CountryCode.parse('Ethiopia')).toBe('ETH');
    expect(CountryCode.parse('great  britain')).toBe('GBR');
    expect(CountryCode.parse('United States')).toBe('USA');
    expect(countryCodeOf('Kenya')).toBe('KEN');
  });

  it('refuse anything else with a sentence that says what to give, and the nearest name for a typo', () => {
    expect(message('Narnia')).toBe(`"Narnia" is not a country: give an ISO 3166 code (KEN or KE) or the country’s English name (Kenya)`);
    expect(message('Etiopia')).toBe(`"Etiopia" is not a country (did you mean Ethiopia, ETH?): give an ISO 3166 code (KEN or KE) or the country’s English name (Kenya)`);
    expect(countryCodeOf('XYZ')).toBeNull();
  });
});
