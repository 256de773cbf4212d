/** English month names as historians write them: `Jul`, `July`, `Sept`, any case, an optional dot. */
const MONTHS: Record<string, number> = {};
['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].forEach((name, i) => {
  MONTHS[name] = i + 1;
  MONTHS[name.slice(0, 3)] = i + 1;
});
MONTHS.sept = 9;

/** The month (1–12) a name means, or null. */
export function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, '');
  return Object.prototype.hasOwnProperty.call(MONTHS, key) ? (MONTHS[key] as number) : null;
}
