/** A value from a file quoted in a message: whole when short, else its start and how long it was. */
export function quoteText(text: string, max = 60): string {
  if (text.length <= max) return `"${text}"`;
  return `"${text.slice(0, max)}…" (${text.length.toLocaleString('en')} characters)`;
}
