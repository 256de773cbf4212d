import { create } from 'zustand';
import type {
  PushConflictInfo,
  HeadComparison,
  RemoteHead,
  RevisionInfo,
  TenantInput,
  TenantListing,
  TenantTestReport,
} from '../../../shared/api/tenant-schemas';
import { isTwinError, toErrorData, type TwinErrorData } from '../../../shared/api/errors';
import { getApi } from '../../api/client';
import { useSources } from '../../stores/sources-store';

/** A dialog of the tenant feature; one at a time, shown by TenantDialogs. */
export type TenantDialog =
  | { kind: 'edit'; id: string | null }
  | { kind: 'push'; tenant: string }
  | { kind: 'conflict'; tenant: string; conflict: PushConflictInfo; message: string }
  | { kind: 'open-revision'; tenant: string; twinId: string; revision: number | null }
  | { kind: 'delete'; id: string };

export interface TenantState {
  listing: TenantListing | null;
  /** The profile the panel shows (not necessarily the active one). */
  selected: string | null;
  /** Last connection test per tenant id. */
  reports: Record<string, TenantTestReport>;
  testing: string | null;
  remote: { tenant: string; twins: RemoteHead[] } | null;
  revisions: { tenant: string; twinId: string; head: RemoteHead | null; revisions: RevisionInfo[] } | null;
  comparison: { tenant: string; result: HeadComparison } | null;
  busy: string | null;
  error: TwinErrorData | null;
  dialog: TenantDialog | null;
  refresh(): Promise<void>;
  select(id: string | null): void;
  save(input: TenantInput): Promise<boolean>;
  remove(id: string): Promise<void>;
  activate(id: string | null): Promise<void>;
  test(id: string): Promise<void>;
  loadRemote(tenant: string): Promise<void>;
  loadRevisions(tenant: string, twinId: string): Promise<void>;
  setComparison(c: TenantState['comparison']): void;
  show(dialog: TenantDialog | null): void;
  fail(e: unknown): void;
  setBusy(what: string | null): void;
}

const data = (e: unknown): TwinErrorData => (isTwinError(e) ? e.toData() : toErrorData(e));

/** Tenant profiles (secrets masked, as main sends them), connection tests, remote twins and revisions. */
export const useTenants = create<TenantState>()((set, get) => ({
  listing: null,
  selected: null,
  reports: {},
  testing: null,
  remote: null,
  revisions: null,
  comparison: null,
  busy: null,
  error: null,
  dialog: null,
  async refresh() {
    try {
      const listing = await getApi().listTenants({});
      const selected = get().selected;
      const keep = selected && listing.tenants.some((t) => t.id === selected) ? selected : (listing.active ?? listing.tenants[0]?.id ?? null);
      set({ listing, selected: keep });
    } catch (e) {
      set({ error: data(e) });
    }
  },
  select(id) {
    if (id !== get().selected) set({ selected: id, remote: null, revisions: null, comparison: null, error: null });
  },
  async save(input) {
    set({ busy: 'save', error: null });
    try {
      const info = await getApi().saveTenant({ tenant: input });
      await get().refresh();
      set({ selected: info.id, busy: null });
      return true;
    } catch (e) {
      set({ error: data(e), busy: null });
      return false;
    }
  },
  async remove(id) {
    try {
      await getApi().deleteTenant({ id });
      const { [id]: _gone, ...reports } = get().reports;
      set({ reports, selected: null });
      await get().refresh();
      await useSources.getState().refresh();
    } catch (e) {
      set({ error: data(e) });
    }
  },
  async activate(id) {
    set({ busy: 'activate', error: null });
    try {
      await getApi().activateTenant({ id });
      await get().refresh();
      // The tenant's InfluxDB appears among the sources, the last tenant's goes away.
      await useSources.getState().refresh();
      if (!useSources.getState().sources.some((s) => s.id === useSources.getState().active)) useSources.getState().setActive('local');
    } catch (e) {
      set({ error: data(e) });
    } finally {
      set({ busy: null });
    }
  },
  async test(id) {
    set({ testing: id, error: null });
    try {
      const report = await getApi().testTenant({ id });
      set({ reports: { ...get().reports, [id]: report } });
    } catch (e) {
      set({ error: data(e) });
    } finally {
      set({ testing: null });
    }
  },
  async loadRemote(tenant) {
    set({ busy: 'remote', error: null });
    try {
      set({ remote: { tenant, twins: await getApi().listRemoteTwins({ tenant }) } });
    } catch (e) {
      set({ error: data(e) });
    } finally {
      set({ busy: null });
    }
  },
  async loadRevisions(tenant, twinId) {
    set({ busy: 'revisions', error: null });
    try {
      const r = await getApi().listRevisions({ tenant, twinId });
      set({ revisions: { tenant, twinId, ...r } });
    } catch (e) {
      if (isTwinError(e) && e.kind === 'not-found') set({ revisions: { tenant, twinId, head: null, revisions: [] } });
      else set({ error: data(e) });
    } finally {
      set({ busy: null });
    }
  },
  setComparison(comparison) {
    set({ comparison });
  },
  show(dialog) {
    // A dialog starts without the last failure; it shows its own.
    set(dialog ? { dialog, error: null } : { dialog });
  },
  fail(e) {
    set({ error: data(e) });
  },
  setBusy(busy) {
    set({ busy });
  },
}));

/** The profile the panel shows. */
export const selectSelectedTenant = (s: TenantState) => s.listing?.tenants.find((t) => t.id === s.selected) ?? null;
