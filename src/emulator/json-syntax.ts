/**
 * Finds the first JSON syntax error of a text and says it in JSON terms with its offset, so a
 * broken state file gets `file:line:col: expected ',' or '}' after a property value` instead of a
 * YAML parser's wording or V8's message without a position. Duplicate keys, which JSON.parse
 * silently resolves to the last one, are errors too.
 */

export interface JsonSyntaxError {
  message: string;
  /** 0-based offset into the text. */
  offset: number;
}

class Stop extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
  }
}

/** The first syntax error of `text`, or undefined when it is one well-formed JSON value. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new Stop(at, message);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describe = () => (i >= text.length ? 'the end of the file' : `\`${text[i]}\``);
  const readString = (): string => {
    const start = i++;
    let out = '';
    while (i < text.length && text[i] !== '"') {
      const ch = text[i]!;
      if (ch === '\n' || ch.charCodeAt(0) < 0x20) fail('a string cannot hold a line break or control character (write \\n)');
      if (ch === '\\') {
        const next = text[i + 1] ?? '';
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u must be followed by four hex digits');
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(next) || next === '') fail(`\\${next} is not a JSON escape`);
        i += 2;
        continue;
      }
      out += ch;
      i++;
    }
    if (i >= text.length) fail('this string is never closed (a `"` is missing)', start);
    i++;
    return out;
  };
  const readValue = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') return readObject();
    if (ch === '[') return readArray();
    if (ch === '"') return void readString();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i))?.[0];
    if (literal) {
      i += literal.length;
      return;
    }
    if (ch === "'") fail('strings are written in double quotes in JSON');
    fail(`expected a value (a string, number, object, list, true, false or null), found ${describe()}`);
  };
  const readObject = (): void => {
    i++;
    const keys = new Set<string>();
    skipSpace();
    if (text[i] === '}') return void i++;
    for (;;) {
      skipSpace();
      if (text[i] === '}') fail('a comma before `}` is not allowed in JSON (remove the trailing comma)');
      if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
      const at = i;
      const key = readString();
      if (keys.has(key)) fail(`duplicate key "${key}" in the same object`, at);
      keys.add(key);
      skipSpace();
      if (text[i] !== ':') fail(`expected \`:\` after the property name "${key}", found ${describe()}`);
      i++;
      readValue();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') return void i++;
      fail(`expected \`,\` or \`}\` after a property value, found ${describe()}`);
    }
  };
  const readArray = (): void => {
    i++;
    skipSpace();
    if (text[i] === ']') return void i++;
    for (;;) {
      skipSpace();
      if (text[i] === ']') fail('a comma before `]` is not allowed in JSON (remove the trailing comma)');
      readValue();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') return void i++;
      fail(`expected \`,\` or \`]\` after a list item, found ${describe()}`);
    }
  };
  try {
    // A byte-order mark is tolerated, as editors write one.
    if (text.startsWith('\uFEFF')) i = 1;
    skipSpace();
    if (i >= text.length) fail('the file is empty; a state file is a JSON object such as {}');
    readValue();
    skipSpace();
    if (i < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
    return undefined;
  } catch (err) {
    if (err instanceof Stop) return { message: err.message, offset: err.at };
    throw err;
  }
}
