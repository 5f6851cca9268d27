/**
 * A text file as it arrived (a CSV start list or rundown), read as what it most likely is: UTF-8 (with or without
 * a byte-order mark), UTF-16 with its byte-order mark (Excel's "Unicode text"), or else Windows-1252, what Excel's
 * plain "CSV" export writes on a Western Windows machine, so "José Mañez" is not drawn as "Jos� Ma�ez". `note`
 * says how a file that was not UTF-8 was read; `error` refuses a file that is no text we can read.
 */
export type DecodedText = { ok: true; text: string; note?: string } | { ok: false; error: string };

const SAVE_AS = 'save it as "CSV UTF-8" to be sure';

export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes), note: 'The file is UTF-16 (little-endian): read as such.' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes), note: 'The file is UTF-16 (big-endian): read as such.' };
  // A CSV never holds a NUL: these are UTF-16 (or a spreadsheet's binary file) without a byte-order mark.
  if (bytes.includes(0)) return { ok: false, error: `The file is not text we can read (it holds zero bytes: UTF-16 without a byte-order mark, or a spreadsheet file): ${SAVE_AS}.` };
  try {
    // TextDecoder drops a UTF-8 byte-order mark itself.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: true, text: decodeWindows1252(bytes), note: `The file is not UTF-8: it was read as Windows-1252 (Excel's plain "CSV" export); if a name looks wrong, ${SAVE_AS}.` };
  }
}

// Bytes 0x80-0x9F as Windows-1252 has them (the rest is Latin-1). Written out, since Node's TextDecoder reads
// "windows-1252" as Latin-1 (0x80 as U+0080, not €), and a page and the hub must read a file alike.
const WINDOWS_1252_80_9F = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += 8192) {
    const codes = Array.from(bytes.subarray(at, at + 8192), (b) => (b >= 0x80 && b < 0xa0 ? WINDOWS_1252_80_9F.charCodeAt(b - 0x80) : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
