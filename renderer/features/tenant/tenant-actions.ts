import type { PushConflictInfo } from '../../../shared/api/tenant-schemas';
import { isTwinError } from '../../../shared/api/errors';
import { DiffBuilder } from '../../../shared/twin/diff';
import type { TenantLink } from '../../../shared/tenant/tenant-link';
import type { TwinState } from '../../../shared/twin/state';
import { getApi } from '../../api/client';
import { saveTo } from '../../project/project-actions';
import { documentStore, selectDirty } from '../../stores/document-store';
import { useNotice } from '../../stores/notice-store';
import { useView } from '../../stores/view-store';
import { useTenants } from './tenant-store';

/**
 * A push keeps its id until it succeeds or is refused: retrying after a lost connection sends the same id,
 * so the tenant recognises a push that had in fact landed. Any edit, another tenant or a conflict makes
 * the next push a new one.
 */
let pending: { pushId: string; twin: TwinState; tenant: string; message: string } | null = null;

function newPushId(): string {
  return crypto.randomUUID();
}

function pushIdFor(tenant: string, message: string): string {
  const twin = documentStore.getState().twin;
  if (pending && pending.twin === twin && pending.tenant === tenant && pending.message === message) return pending.pushId;
  pending = { pushId: newPushId(), twin, tenant, message };
  return pending.pushId;
}

/** Record in the project where it now stands on the tenant: not an undo step, and saved when it has a file. */
async function recordLink(link: TenantLink): Promise<void> {
  const s = documentStore.getState();
  s.apply(new DiffBuilder(s.twin).setMeta({ ...s.twin.meta, tenant: link }).build(), { kind: 'never' });
  const path = documentStore.getState().path;
  if (path) await saveTo(path);
}

export type PushOutcome = 'pushed' | 'conflict' | 'failed';

/** Push the open project; a conflict opens the conflict dialog, other failures show in the panel. */
export async function pushProject(
  tenant: string,
  message: string,
  options: { otherTenantConfirmed?: boolean; overwrite?: { headRevision: number | null } } = {},
): Promise<PushOutcome> {
  const store = useTenants.getState();
  store.setBusy('push');
  try {
    const result = await getApi().pushTwin({
      tenant,
      document: documentStore.getState().document(),
      message,
      pushId: pushIdFor(tenant, message),
      otherTenantConfirmed: options.otherTenantConfirmed ?? false,
      overwrite: options.overwrite ?? null,
    });
    pending = null;
    await recordLink(result.link);
    useNotice.getState().say(documentStore.getState().path ? result.message : `${result.message} Save the project to keep its link to the tenant.`);
    useTenants.getState().show(null);
    void useTenants.getState().loadRevisions(tenant, documentStore.getState().twin.meta.id);
    useTenants.getState().setComparison(null);
    return 'pushed';
  } catch (e) {
    const conflict = isTwinError(e) && e.kind === 'conflict' ? (e.details?.pushConflict as PushConflictInfo | undefined) : undefined;
    if (conflict) {
      // The next push after a conflict is a new decision, so it gets a new id.
      pending = null;
      useTenants.getState().show({ kind: 'conflict', tenant, conflict, message: (e as Error).message });
      return 'conflict';
    }
    useTenants.getState().fail(e);
    useNotice.getState().say('The push failed; nothing changed on the tenant.', 'error');
    return 'failed';
  } finally {
    useTenants.getState().setBusy(null);
  }
}

/** Open a revision from the tenant (the head when null), asking first when there are unsaved changes. */
export function askOpenRevision(tenant: string, twinId: string, revision: number | null): void {
  if (selectDirty(documentStore.getState())) useTenants.getState().show({ kind: 'open-revision', tenant, twinId, revision });
  else void openRevision(tenant, twinId, revision);
}

export async function openRevision(tenant: string, twinId: string, revision: number | null): Promise<void> {
  const store = useTenants.getState();
  store.setBusy('pull');
  try {
    const pulled = await getApi().pullTwin(revision === null ? { tenant, twinId } : { tenant, twinId, revision });
    documentStore.getState().load(pulled.document, null, null, { unsaved: true });
    useView.getState().clearSelection();
    const r = pulled.revision;
    const name = useTenants.getState().listing?.tenants.find((t) => t.id === tenant)?.name ?? tenant;
    useNotice
      .getState()
      .say(
        `Opened revision ${r.revision}${pulled.isHead ? ' (head)' : ''} of ${pulled.document.name} from tenant ${name}, by ${r.author}. Save it to keep a local copy.`,
      );
    useTenants.getState().show(null);
  } catch (e) {
    useTenants.getState().fail(e);
  } finally {
    useTenants.getState().setBusy(null);
  }
}

/** Compare the open project with the tenant's head. */
export async function compareWithTenant(tenant: string): Promise<void> {
  const store = useTenants.getState();
  store.setBusy('compare');
  try {
    const result = await getApi().compareWithTenant({ tenant, document: documentStore.getState().document() });
    useTenants.getState().setComparison({ tenant, result });
  } catch (e) {
    useTenants.getState().fail(e);
  } finally {
    useTenants.getState().setBusy(null);
  }
}
