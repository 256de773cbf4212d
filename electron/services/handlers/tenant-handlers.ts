import type { Handlers } from '../../hosts/dispatch';
import type { TenantService } from '../../tenant/tenant-service';

type TenantHandlerNames =
  | 'listTenants'
  | 'saveTenant'
  | 'deleteTenant'
  | 'activateTenant'
  | 'testTenant'
  | 'pushTwin'
  | 'pullTwin'
  | 'listRemoteTwins'
  | 'listRevisions'
  | 'compareWithTenant';

/** The tenant half of the contract: thin adapters over the tenant service, which owns the connections. */
export function tenantHandlers(tenants: TenantService): Pick<Handlers, TenantHandlerNames> {
  return {
    listTenants: async () => tenants.listing(),
    saveTenant: async ({ tenant }) => tenants.save(tenant),
    deleteTenant: async ({ id }) => {
      await tenants.remove(id);
      return {};
    },
    activateTenant: async ({ id }) => tenants.activate(id),
    testTenant: async ({ id }) => tenants.test(id),
    pushTwin: async ({ tenant, document, message, pushId, otherTenantConfirmed, overwrite }) =>
      tenants.push({ tenant, document, message, pushId, otherTenantConfirmed, overwrite }),
    pullTwin: async ({ tenant, twinId, revision }) => tenants.pull(tenant, twinId, revision),
    listRemoteTwins: async ({ tenant }) => tenants.twins(tenant),
    listRevisions: async ({ tenant, twinId, limit }) => tenants.revisions(tenant, twinId, limit),
    compareWithTenant: async ({ tenant, document }) => tenants.compare(tenant, document),
  };
}
