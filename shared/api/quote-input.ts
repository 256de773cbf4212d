/**
 * A value the user (or a caller) sent, fit to echo back in a message: quoted, at most `max` characters,
 * and when cut, saying how long it was — so a 10 MB key never makes a 20 MB error.
 */
export function quoteInput(value: string, max = 80): string {
  const head = Array.from(value.slice(0, max * 2))
    .slice(0, max)
    .join('');
  if (head.length === value.length) return JSON.stringify(value);
  return `${JSON.stringify(head)}… (${characters(value)} characters in all)`;
}

/** Text cut to `max` characters for a message or a `where`, saying how long it was. */
export function boundText(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Array.from(text.slice(0, max * 2))
    .slice(0, max)
    .join('');
  if (head.length === text.length) return text;
  return `${head}… (${characters(text)} characters in all)`;
}

/** Code points in a text, written with thousands separators. */
function characters(text: string): string {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n.toLocaleString('en-US');
}
