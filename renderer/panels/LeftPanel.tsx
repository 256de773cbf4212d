import { useState } from 'react';
import { Palette } from './Palette';
import { SensorsPanel } from './SensorsPanel';
import { TenantPanel } from '../features/tenant/TenantPanel';

const TABS = [
  { id: 'components', label: 'Components' },
  { id: 'sensors', label: 'Sensors' },
  { id: 'tenant', label: 'Tenant' },
] as const;

/** The left column: the component palette, the sensor browser or the tenant, as tabs. */
export function LeftPanel() {
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('components');
  return (
    <div className="left-panel">
      <div role="tablist" aria-label="Left panel" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            className={`tabs__tab${tab === t.id ? ' tabs__tab--active' : ''}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="left-panel__body">
        {tab === 'components' ? <Palette /> : tab === 'sensors' ? <SensorsPanel /> : <TenantPanel />}
      </div>
    </div>
  );
}
