/** Split a tag into its prefix and loop/unit number: `B7-TT-101` → { prefix: 'B7-TT-', number: 101 }. */
export function splitTag(tag: string): { prefix: string; number: number | null; width: number } {
  const m = /^(.*?)(\d+)([A-Za-z]?)$/.exec(tag);
  if (!m || m[3]) return { prefix: tag, number: null, width: 0 };
  return { prefix: m[1] as string, number: Number(m[2]), width: (m[2] as string).length };
}

/**
 * The next free tag for a kind: P-101, P-102… for loop numbering, CH-1, CH-2… for unit numbering.
 * Takes the highest number in use with the same prefix plus one, so deleting P-102 does not reissue it
 * while P-103 exists. Comparison ignores case, as tags are unique case-insensitively.
 */
export function nextTag(prefix: string, numbering: 'loop' | 'unit', taken: Iterable<string>): string {
  const head = `${prefix}-`;
  const lower = head.toLowerCase();
  let max = 0;
  const used = new Set<string>();
  for (const t of taken) {
    used.add(t.toLowerCase());
    if (!t.toLowerCase().startsWith(lower)) continue;
    const rest = t.slice(head.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  const start = numbering === 'loop' ? 101 : 1;
  let n = Math.max(start, max + 1);
  while (used.has(`${head}${n}`.toLowerCase())) n++;
  return `${head}${n}`;
}

/** A copy's tag: same prefix, next free number (`P-101` → `P-103` if P-102 exists), or `X (copy)`-style for untagged. */
export function copyTag(tag: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const t of taken) used.add(t.toLowerCase());
  const { prefix, number, width } = splitTag(tag);
  if (number === null) {
    let i = 2;
    const base = tag === '' ? 'ASSET' : tag;
    while (used.has(`${base}-${i}`.toLowerCase())) i++;
    return `${base}-${i}`;
  }
  let max = number;
  for (const t of used) {
    const s = splitTag(t);
    if (s.number !== null && s.prefix === prefix.toLowerCase()) max = Math.max(max, s.number);
  }
  let n = max + 1;
  const fmt = (k: number) => `${prefix}${String(k).padStart(width, '0')}`;
  while (used.has(fmt(n).toLowerCase())) n++;
  return fmt(n);
}
