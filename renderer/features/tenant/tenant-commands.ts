import type { Command } from '../../commands/registry';
import { useNotice } from '../../stores/notice-store';
import { compareWithTenant } from './tenant-actions';
import { useTenants } from './tenant-store';

/** The tenant to push to from a menu or a shortcut: the one the app works for, else the one the panel shows. */
async function targetTenant(): Promise<string | null> {
  if (!useTenants.getState().listing) await useTenants.getState().refresh();
  const s = useTenants.getState();
  const id = s.listing?.active ?? s.selected;
  if (!id) {
    useNotice.getState().say('No tenant yet: add one in the Tenant panel (left column).');
    s.show({ kind: 'edit', id: null });
  }
  return id;
}

/** Commands of the tenant feature: menus, shortcuts and tests run the same ids. */
export const tenantCommands: Command[] = [
  {
    id: 'tenant.push',
    label: 'Push to tenant…',
    keys: ['Mod+Shift+P'],
    inInputs: true,
    run: async () => {
      const tenant = await targetTenant();
      if (tenant) useTenants.getState().show({ kind: 'push', tenant });
    },
  },
  {
    id: 'tenant.compare',
    label: 'Compare with tenant',
    run: async () => {
      const tenant = await targetTenant();
      if (tenant) await compareWithTenant(tenant);
    },
  },
];
