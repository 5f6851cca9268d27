import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { z } from 'zod';
import { editDistance } from '../core/editDistance';
import { worldAthleticsCodes } from './worldAthleticsCodes';

// Only English is registered: the browser build gets the library without its 70-odd locales.
countries.registerLocale(english);

/** A country as graphics show it: ISO 3166-1 codes and its English name. */
export type Country = { alpha2: string; alpha3: string; name: string };

// Start lists repeat a few dozen countries hundreds of times, and every page checks the whole show on every
// snapshot: look each code up once.
const known = new Map<string, Country | null>();

/**
 * Looks up a World Athletics (IOC) code or an ISO 3166-1 alpha-2 or alpha-3 code (any case); null when it is none.
 * Where the two disagree, World Athletics wins: BRN is Bahrain, as every timing system and start list means it.
 */
export function countryOf(code: string): Country | null {
  if (known.has(code)) return known.get(code)!;
  const country = lookUp(code);
  if (known.size < 2000) known.set(code, country);
  return country;
}

function lookUp(code: string): Country | null {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2,3}$/.test(upper)) return null;
  const iso = worldAthleticsCodes[upper] ?? upper;
  if (!countries.isValid(iso)) return null;
  const alpha2 = countries.toAlpha2(iso);
  const alpha3 = countries.toAlpha3(iso);
  const name = countries.getName(iso, 'en');
  if (!alpha2 || !alpha3 || !name) return null;
  return { alpha2, alpha3, name };
}

/**
 * The code for what an operator typed: a World Athletics or ISO code as it is (upper-case: "GER" stays GER, so a
 * start list keeps the codes its timing system gave), or the ISO alpha-3 code of a country's English name or
 * common alias ("Ethiopia" → ETH, "Great Britain" → GBR); null when it is neither.
 */
export function countryCodeOf(text: string): string | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (countryOf(trimmed)) return trimmed.toUpperCase();
  return countries.getAlpha3Code(trimmed, 'en') ?? null;
}

/** Why a text is not a country, with the nearest English name when one is a typo away ("Etiopia"). */
export function notACountry(text: string): string {
  const typed = text.trim();
  const nearest = nearestCountryName(typed);
  const hint = nearest ? ` (did you mean ${nearest}, ${countries.getAlpha3Code(nearest, 'en')}?)` : '';
  return `"${typed}" is not a country${hint}: give a World Athletics or ISO 3166 code (KEN, GER or KE) or the country’s English name (Kenya)`;
}

function nearestCountryName(typed: string): string | null {
  if (typed.length < 4) return null;
  let best: { name: string; distance: number } | null = null;
  for (const name of Object.values(countries.getNames('en', { select: 'official' }))) {
    if (Math.abs(typed.length - name.length) > 2) continue;
    const distance = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}


/**
 * A country prop: a World Athletics code (GER) or an ISO 3166-1 alpha-2 (KE) or alpha-3 (KEN) code, stored
 * upper-case as given; a country's English name ("Ethiopia", any case) is accepted too and stored as its ISO
 * alpha-3 code (ETH).
 */
export const CountryCode = z
  .string()
  .trim()
  .overwrite((text) => countryCodeOf(text) ?? text)
  .refine((code) => countryOf(code) !== null, { error: (issue) => notACountry(String(issue.input)) });
