/**
 * Invisible characters that change how text around them is drawn: bidi marks, embeddings, overrides and isolates
 * (a U+202E right-to-left override would draw a name backwards on air), zero-width space, word joiners and the BOM.
 * The zero-width joiner and non-joiner are left alone: emoji sequences and several scripts need them.
 */
const FORMAT_CHARACTERS = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

/** Why typed text can't go to air as it is (it holds such characters, named by code point), or null. */
export function formatCharacterProblem(text: string): string | null {
  const found = [...new Set(text.match(FORMAT_CHARACTERS) ?? [])];
  if (found.length === 0) return null;
  const named = found.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
  return `must not contain invisible direction or format characters (${named}): type the text again without them`;
}
