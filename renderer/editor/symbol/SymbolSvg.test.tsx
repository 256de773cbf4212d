import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { catalog, componentByKind } from '../../../shared/catalog/catalog';
import type { ComponentDef } from '../../../shared/catalog/types';
import { PaletteIcon } from './PaletteIcon';
import { SymbolSvg } from './SymbolSvg';

const def = (kind: string) => componentByKind(kind) as ComponentDef;
const svg = (
  kind: string,
  extra: Partial<{ tag: string; rotation: 0 | 90 | 180 | 270; flip: boolean; properties: Record<string, string | number | boolean | null> }> = {},
) =>
  renderToStaticMarkup(
    <SymbolSvg def={def(kind)} tag={extra.tag ?? 'X-1'} rotation={extra.rotation ?? 0} flip={extra.flip ?? false} properties={extra.properties ?? {}} />,
  );

describe('SymbolSvg', () => {
  it('is sized to the placed box and swaps sides on a quarter turn', () => {
    expect(svg('chiller')).toMatch(/^<svg[^>]* width="120" height="100" viewBox="0 0 120 100"/);
    expect(svg('chiller', { rotation: 90 })).toMatch(/^<svg[^>]* width="100" height="120" viewBox="0 0 100 120"/);
  });

  it('prints a bubble tag as letters over loop number, upright at any rotation', () => {
    for (const rotation of [0, 90, 180, 270] as const) {
      for (const flip of [false, true]) {
        const out = svg('temperature-transmitter', { tag: 'B7-TT-101', rotation, flip });
        const texts = [...out.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), s: m[3] }));
        expect(texts.map((t) => t.s)).toEqual(['TT', '101']);
        // Same column, letters above the number: the text never turns with the node.
        expect(texts[0]?.x).toBeCloseTo(texts[1]?.x ?? NaN);
        expect(texts[0]?.y ?? 0).toBeLessThan(texts[1]?.y ?? 0);
        expect(out).not.toMatch(/<text[^>]*transform/);
        // The turned group closes before the first text.
        expect(out.indexOf('</g>')).toBeLessThan(out.indexOf('<text'));
      }
    }
  });

  it('takes its colours from the theme: currentColor lines, --symbol-fill backgrounds', () => {
    const out = svg('centrifugal-pump');
    expect(out).toContain('stroke="currentColor"');
    expect(out).toContain('fill="var(--symbol-fill, #fff)"');
    expect(out).not.toMatch(/="#[0-9a-f]{3,6}"/i);
  });

  it('uses neither style attributes, inline handlers nor raw HTML, which the CSP forbids', () => {
    for (const d of catalog) {
      const out = renderToStaticMarkup(<SymbolSvg def={d} tag="T-1" rotation={90} flip properties={{}} />);
      expect(out, d.kind).not.toMatch(/ style=| on[a-z]+=|<script/i);
    }
  });

  it('redraws with the properties that change the symbol', () => {
    expect(svg('gate-valve', { properties: { normalPosition: 'closed' } })).toContain('fill="currentColor"');
    expect(svg('gate-valve', { properties: { normalPosition: 'open' } })).not.toMatch(/<polygon[^>]*fill="currentColor"/);
    expect(svg('pressure-transmitter', { properties: { mounting: 'behind-panel' } })).toContain('stroke-dasharray');
    expect(svg('pressure-transmitter', { properties: { mounting: 'field' } })).not.toContain('stroke-dasharray');
  });
});

describe('PaletteIcon', () => {
  it('fits every symbol in 40 × 40 with constant line weight', () => {
    for (const d of catalog) {
      const out = renderToStaticMarkup(<PaletteIcon def={d} />);
      expect(out, d.kind).toMatch(/^<svg[^>]* width="40" height="40"/);
      const [, , , w, h] = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(out) ?? [];
      expect(Number(w), d.kind).toBeGreaterThanOrEqual(Math.max(d.symbol.width, d.symbol.height));
      expect(Number(w), d.kind).toBe(Number(h));
      expect(out, d.kind).toContain('vector-effect="non-scaling-stroke"');
    }
  });

  it('shows the tag prefix in bubbles and drops text too small to read', () => {
    const tt = renderToStaticMarkup(<PaletteIcon def={def('temperature-transmitter')} />);
    expect(tt).toMatch(/<text[^>]*>TT<\/text>/);
    const chiller = renderToStaticMarkup(<PaletteIcon def={def('chiller')} />);
    expect(chiller).not.toContain('EVAP');
  });
});
