/** A short random id for records (`a-k3x9q2m1`); collisions are checked by the validator, not assumed away. */
export function newId(prefix = 'a'): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`;
}
