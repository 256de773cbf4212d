import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../sim/demo-plant/build-demo-project';
import { stateFromDocument } from '../twin/state';
import { seriesProfiles } from './series-profile';
import { assetProfiles } from './asset-profile';
import { suggestBindings } from './suggest';

const doc = buildDemoProject();
const bare = stateFromDocument({ ...doc, sensors: [] });
const one = (key: string, unit: string | null = null, rejected = bare.meta.rejectedSuggestions) => suggestBindings(bare, [{ key, unit }], { rejected })[0];

describe('suggestBindings', () => {
  it('drops an area prefix, a word every name shares, and a redundancy suffix, but keeps a unit number', () => {
    const profiles = assetProfiles(bare);
    const [a, b, c] = seriesProfiles(
      [
        { key: 'B7_CHWS_T#value' },
        { key: 'B7_CHWS_T_2#value' },
        { key: 'LCHWT_2#value' },
        ...Array.from({ length: 5 }, (_, i) => ({ key: `PLANTX_P${i}#value` })),
      ],
      profiles,
    );
    expect(a?.read.looseNumbers).toEqual([]);
    expect(b?.read.looseNumbers).toEqual([]);
    expect(c?.read.looseNumbers).toEqual([2]);
    const batch = seriesProfiles(
      Array.from({ length: 8 }, (_, i) => ({ key: `ACMEPLANT_CH${(i % 2) + 1}_KW#value` })),
      profiles,
    );
    expect(batch[0]?.read.unknown).toEqual([]);
  });

  it('reads the tag of an asset written in the name, and a bubble by its own name', () => {
    expect(one('CH-2.KW#value', 'kW')).toMatchObject({ assetTag: 'JT-125', role: 'power' });
    expect(one('B7-TT-113.PV#value', '°C')).toMatchObject({ assetTag: 'TT-113', role: 'cwr-temperature' });
    expect(one('HDR-201.T#value', '°C')).toMatchObject({ role: 'cws-temperature' });
  });

  it('refuses a unit of the wrong dimension', () => {
    expect(one('B7_CH1_KW#value', '°C')?.role).not.toBe('power');
  });

  it('does not offer a rejected suggestion again, nor the same binding by the equipment instead of its bubble', () => {
    const first = one('B7_CH1_KW#value', 'kW');
    expect(first).toMatchObject({ assetTag: 'JT-115', role: 'power' });
    const again = one('B7_CH1_KW#value', 'kW', [{ series: 'B7_CH1_KW#value', assetId: 'jt-115', role: 'power' }]);
    expect(again === undefined || !(again.role === 'power' && ['JT-115', 'CH-1'].includes(again.assetTag))).toBe(true);
  });

  it('is less sure of a name that says which asset but not what of it', () => {
    const pv = one('B7-CHWP-1.PV#value');
    expect(pv === undefined || pv.confidence < 0.7).toBe(true);
  });
});
