/**
 * Header values as people read them. Mail headers are ASCII, so a Chinese subject or sender name
 * travels as RFC 2047 encoded words (=?UTF-8?B?5bCP6Zuo?=); the mailbox shows the words decoded
 * (and the raw value on hover). Unknown charsets fall back to UTF-8 rather than failing.
 */
const WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

function bytesOf(encoding: string, data: string): Uint8Array {
  if (encoding.toUpperCase() === 'B') return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const bytes: number[] = [];
  // Q: "_" is a space, =XX a byte, anything else itself.
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9a-f]{2}$/i.test(data.slice(i + 1, i + 3))) {
      bytes.push(parseInt(data.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0));
  }
  return Uint8Array.from(bytes);
}

function decodeWord(charset: string, encoding: string, data: string): string {
  const bytes = bytesOf(encoding, data);
  try {
    return new TextDecoder(charset.split('*')[0]).decode(bytes); // "UTF-8*en": RFC 2231 language suffix
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

export function decodeHeader(value: string): string {
  try {
    // Whitespace between two encoded words belongs to neither (RFC 2047 §6.2).
    return value.replace(/(\?=)\s+(=\?)/g, '$1$2').replace(WORD, (_, charset: string, enc: string, data: string) => decodeWord(charset, enc, data));
  } catch {
    return value; // a malformed word is shown as it came
  }
}

/** "list-unsubscribe-post" → "List-Unsubscribe-Post", as headers are usually written. */
export const headerName = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
