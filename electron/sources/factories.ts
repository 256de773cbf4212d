import type { SourceProfile } from '../../shared/api/source-schemas';
import { connectInflux1 } from './influx1/connect-influx1';
import { connectInflux2 } from './influx2/connection-check';
import type { SourceFactories } from './source-registry';

/** The real connectors: each checks the server (version, database, privileges) before handing out a source. */
export const sourceFactories: SourceFactories = {
  async connect(profile: SourceProfile) {
    if (profile.kind === 'influx1') return connectInflux1(profile);
    return connectInflux2(profile);
  },
};
