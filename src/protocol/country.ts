import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { z } from 'zod';

// Only English is registered: the browser build gets the library without its 70-odd locales.
countries.registerLocale(english);

/** A country as graphics show it: ISO 3166-1 codes and its English name. */
export type Country = { alpha2: string; alpha3: string; name: string };

/** Looks up an ISO 3166-1 alpha-2 or alpha-3 code (any case); null when it is not one. */
export function countryOf(code: string): Country | null {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2,3}$/.test(upper) || !countries.isValid(upper)) return null;
  const alpha2 = countries.toAlpha2(upper);
  const alpha3 = countries.toAlpha3(upper);
  const name = countries.getName(upper, 'en');
  if (!alpha2 || !alpha3 || !name) return null;
  return { alpha2, alpha3, name };
}

/** A country code prop: alpha-2 (KE) or alpha-3 (KEN), stored upper-case as typed. */
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => countryOf(code) !== null, { error: (issue) => `"${String(issue.input)}" is not an ISO 3166 country code` });
