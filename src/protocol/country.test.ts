import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { CountryCode, countryCodeOf, countryOf } from './country';
import { worldAthleticsCodes } from './worldAthleticsCodes';

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
    expect(CountryCode.parse('GB')).toBe('GB');
    expect(CountryCode.parse('uk')).toBe('GBR');
  });

  it('take a World Athletics code as typed, upper-case, and read it as World Athletics does', () => {
    expect(CountryCode.parse('ger')).toBe('GER');
    expect(countryOf('GER')).toEqual({ alpha2: 'DE', alpha3: 'DEU', name: 'Germany' });
    expect(countryOf('NED')?.alpha2).toBe('NL');
    expect(countryOf('NGR')?.name).toBe('Nigeria');
    expect(countryOf('NIG')?.name).toBe('Niger');
    expect(countryOf('SUI')?.alpha2).toBe('CH');
    expect(countryOf('POR')?.alpha2).toBe('PT');
    expect(countryOf('RSA')?.alpha2).toBe('ZA');
    expect(countryOf('KOS')?.alpha2).toBe('XK');
    // The ISO codes stay what they were.
    expect(countryOf('DEU')?.alpha2).toBe('DE');
    expect(countryOf('NER')?.name).toBe('Niger');
  });

  it('read BRN as Bahrain (World Athletics), not Brunei (ISO), and BRU as Brunei', () => {
    expect(CountryCode.parse('BRN')).toBe('BRN');
    expect(countryOf('BRN')).toEqual({ alpha2: 'BH', alpha3: 'BHR', name: 'Bahrain' });
    expect(countryOf('brn')?.name).toBe('Bahrain');
    expect(countryOf('BRU')?.alpha2).toBe('BN');
    expect(countryOf('BHR')?.name).toBe('Bahrain');
  });

  it('map every World Athletics code to a country with a name, and only BRN over another country’s ISO code', () => {
    for (const [code, alpha2] of Object.entries(worldAthleticsCodes)) {
      expect(countryOf(code)?.alpha2, code).toBe(alpha2);
      expect(countryOf(code)?.name, code).toBeTruthy();
    }
    expect(Object.keys(worldAthleticsCodes).filter((code) => countries.isValid(code))).toEqual(['BRN']);
  });

  it('refuse anything else with a sentence that says what to give, and the nearest name for a typo', () => {
    expect(message('Narnia')).toBe(`"Narnia" is not a country: give a World Athletics or ISO 3166 code (KEN, GER or KE) or the country’s English name (Kenya)`);
    expect(message('Etiopia')).toBe(`"Etiopia" is not a country (did you mean Ethiopia, ETH?): give a World Athletics or ISO 3166 code (KEN, GER or KE) or the country’s English name (Kenya)`);
    expect(message('XYZ')).toBe(`"XYZ" is not a country: give a World Athletics or ISO 3166 code (KEN, GER or KE) or the country’s English name (Kenya)`);
    expect(countryCodeOf('XYZ')).toBeNull();
  });
});
