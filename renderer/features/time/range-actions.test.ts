import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../shared/sim/demo-plant/build-demo-project';
import { documentStore } from '../../stores/document-store';
import { applyCustomRange, plantZone } from './range-actions';
import { timeStore } from './time-store';

describe('custom ranges', () => {
  documentStore.getState().load(buildDemoProject(), null, null);

  it('reads typed wall times in the plant zone and shows that range', () => {
    expect(plantZone()).toBe('America/Chicago');
    expect(applyCustomRange('2025-07-14 08:00', '2025-07-15 08:00')).toBeNull();
    expect(timeStore.getState().range).toEqual({ from: Date.parse('2025-07-14T13:00:00Z'), to: Date.parse('2025-07-15T13:00:00Z') });
    expect(timeStore.getState().preset).toBe('custom');
  });

  it('says which end is wrong and leaves the range alone', () => {
    const before = timeStore.getState().range;
    expect(applyCustomRange('2025-03-09 02:30', '2025-03-10 00:00')).toMatch(/^From: .*does not exist in America\/Chicago/);
    expect(applyCustomRange('2025-03-01 00:00', '2025-11-02 01:30')).toMatch(/^To: .*happens twice/);
    expect(applyCustomRange('2025-03-02 00:00', '2025-03-01 00:00')).toMatch(/must end after it starts/);
    expect(timeStore.getState().range).toBe(before);
  });
});
