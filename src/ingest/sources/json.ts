/**
 * JSON.parse that keeps integers beyond 2^53 exactly, as strings. Shopify ids are 64-bit
 * (e.g. 981820079255243537) and a plain JSON.parse rounds them, which would make two customers one
 * or an order unmatchable. Node 20's revivers cannot see the source text, so the unsafe integer
 * tokens are quoted in the raw text first: a single pass that knows when it is inside a string.
 * Ids within 2^53 stay numbers; every connector reads ids through String() either way.
 */
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function unsafeInteger(token: string): boolean {
  if (token.includes('.') || /[eE]/.test(token)) return false; // not an id: left to JSON's number rules
  const digits = token.startsWith('-') ? token.slice(1) : token;
  if (digits.length < 16) return false; // 15 digits are always exact
  const n = BigInt(digits);
  return n > MAX_SAFE;
}

/** Same errors as JSON.parse for bad input; the text is only rewritten outside strings. */
export function parseJsonExact(text: string): unknown {
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped, whatever it is
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) continue;
      const token = m[0];
      if (unsafeInteger(token)) {
        out += `${text.slice(from, i)}"${token}"`;
        from = i + token.length;
      }
      i += token.length - 1;
    }
  }
  return JSON.parse(from === 0 ? text : out + text.slice(from));
}
