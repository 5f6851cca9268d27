/** A JSON syntax error at a place a designer can find in their editor (1-based line and column). */
export type JsonSyntaxError = { line: number; column: number; message: string };

/**
 * Parses JSON text. On a syntax error it says where (line, column) and what was expected, the same on every
 * Node and browser version (engines word and place their own errors differently, some without a position).
 * A leading byte-order mark, which some Windows editors write, is ignored.
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch {
    const { offset, message } = findSyntaxError(source);
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return { ok: false, error: { line, column, message } };
  }
}

class SyntaxProblem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** A small recursive-descent JSON reader used only to locate and describe the first error. */
function findSyntaxError(text: string): { offset: number; message: string } {
  let at = 0;
  const found = () => (at >= text.length ? 'end of file' : `'${text[at]}'`);
  const fail = (expected: string): never => {
    throw new SyntaxProblem(at, `Unexpected ${found()}: expected ${expected}`);
  };
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const string = () => {
    at++; // opening quote
    while (at < text.length && text[at] !== '"') {
      const code = text.charCodeAt(at);
      if (code < 0x20) throw new SyntaxProblem(at, 'A string must end on the line it starts: close it with " (or write \\n for a line break)');
      if (text[at] === '\\') {
        at++;
        if (at < text.length && !'"\\/bfnrtu'.includes(text[at]!)) fail('an escape like \\n, \\" or \\\\');
        if (text[at] === 'u' && !/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail('four hex digits after \\u');
      }
      at++;
    }
    if (at >= text.length) fail('" to close the string');
    at++;
  };
  const value = (): void => {
    skipSpace();
    const c = text[at];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (number && number[0] !== '-') {
      at += number[0].length;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at)) {
        at += literal.length;
        return;
      }
    }
    fail('a value (a number, "text", true, false, null, an object or a list)');
  };
  const object = () => {
    at++;
    skipSpace();
    if (text[at] === '}') return void at++;
    for (;;) {
      skipSpace();
      if (text[at] !== '"') fail(text[at] === '}' ? 'another "key": after the comma (JSON allows no trailing comma)' : 'a "key" in double quotes');
      string();
      skipSpace();
      if (text[at] !== ':') fail("':' after the key");
      at++;
      value();
      skipSpace();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === '}') return void at++;
      fail("',' or '}' after the value");
    }
  };
  const array = () => {
    at++;
    skipSpace();
    if (text[at] === ']') return void at++;
    for (;;) {
      skipSpace();
      if (text[at] === ']') fail('another value after the comma (JSON allows no trailing comma)');
      value();
      skipSpace();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === ']') return void at++;
      fail("',' or ']' after the value");
    }
  };
  try {
    value();
    skipSpace();
    if (at < text.length) fail('nothing more after the end of the JSON value');
    return { offset: 0, message: 'Not valid JSON' };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { offset: error.offset, message: error.message };
    throw error;
  }
}
