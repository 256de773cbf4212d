// What a symbol shows for one asset: which conditional elements are drawn and what its texts say.
import type { ComponentDef, SymbolElement, SymbolTextSource } from './types';

export type PropertyValues = Readonly<Record<string, string | number | boolean | null>>;

/**
 * An instrument tag split into its function letters and loop number: `TT-101` → TT / 101,
 * `B7-PDT-204A` → PDT / 204A, `FT101` → FT / 101, a bare `TT` → TT with no loop. A tag that does not look like that keeps the
 * component's prefix as letters and the whole tag as the loop, so nothing typed is hidden.
 */
export function tagParts(tag: string, fallbackLetters: string): { letters: string; loop: string } {
  const m = /(?:^|[-_ .])([A-Za-z]{1,5})[-_ ]?(\d+[A-Za-z]?)?$/.exec(tag.trim());
  if (m) return { letters: (m[1] as string).toUpperCase(), loop: m[2] ?? '' };
  return { letters: fallbackLetters, loop: tag.trim() };
}

/** The value a property has for drawing: the asset's own, or the catalog default when unset. */
function propertyValue(def: ComponentDef, key: string, properties: PropertyValues): string | number | boolean | null {
  const own = properties[key];
  if (own !== undefined && own !== null && own !== '') return own;
  return def.properties.find((p) => p.key === key)?.default ?? null;
}

/** Whether an element is drawn for an asset with these properties (elements without a condition always are). */
export function elementVisible(def: ComponentDef, element: SymbolElement, properties: PropertyValues): boolean {
  if (!element.when) return true;
  const value = propertyValue(def, element.when.property, properties);
  return value !== null && element.when.equals.includes(String(value));
}

/** The string a text element prints for an asset. */
export function elementText(def: ComponentDef, content: SymbolTextSource, tag: string, properties: PropertyValues): string {
  switch (content.from) {
    case 'literal':
      return content.text;
    case 'tag':
      return tag;
    case 'tag-letters':
      return tagParts(tag, def.tagPrefix).letters;
    case 'tag-loop':
      return tagParts(tag, def.tagPrefix).loop;
    case 'property': {
      const v = propertyValue(def, content.key, properties);
      return v === null ? '' : String(v);
    }
  }
}
