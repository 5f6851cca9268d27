import { describe, expect, it } from 'vitest';
import { decodeTextFile } from './decodeTextFile';

describe('decodeTextFile', () => {
  it('reads UTF-8 as it is, its byte-order mark dropped, with no note', () => {
    expect(decodeTextFile(Buffer.from('\ufeffbib,name\n1,Zoë Çelik', 'utf8'))).toEqual({ ok: true, text: 'bib,name\n1,Zoë Çelik' });
  });

  it('reads a file that is not UTF-8 as Windows-1252, as Excel writes a CSV, and says so', () => {
    const read = decodeTextFile(Buffer.from([...Buffer.from('13,Jos'), 0xe9, 0x20, 0x4d, 0x61, 0xf1, 0x65, 0x7a, 0x20, 0x80]));
    expect(read).toMatchObject({ ok: true, text: '13,José Mañez €' });
    expect(read.ok && read.note).toMatch(/^The file is not UTF-8: it was read as Windows-1252 \(Excel's plain "CSV" export\)/);
  });

  it('reads UTF-16 by its byte-order mark, and refuses UTF-16 without one in a sentence', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('bib,name\n1,Ångström', 'utf16le')]);
    expect(decodeTextFile(le)).toEqual({ ok: true, text: 'bib,name\n1,Ångström', note: 'The file is UTF-16 (little-endian): read as such.' });
    expect(decodeTextFile(Buffer.from(le).swap16())).toEqual({ ok: true, text: 'bib,name\n1,Ångström', note: 'The file is UTF-16 (big-endian): read as such.' });
    expect(decodeTextFile(Buffer.from('bib,name', 'utf16le'))).toEqual({ ok: false, error: 'The file is not text we can read (it holds zero bytes: UTF-16 without a byte-order mark, or a spreadsheet file): save it as "CSV UTF-8" to be sure.' });
  });
});
