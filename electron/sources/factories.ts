import type { SourceProfile } from '../../shared/api/source-schemas';
import { connectInflux1 } from './influx1/connect-influx1';
import { connectInflux2 } from './influx2/connection-check';
import { RedactingSource } from './redacting-source';
import { profileRedactor } from './redactor';
import type { SourceFactories } from './source-registry';

/**
 * The real connectors: each checks the server (version, database, privileges) before handing out a source.
 * This is the error boundary of every remote source: what the connection check says (errors, warnings, the
 * version the server states) and everything the source later throws or reports passes through the
 * profile's Redactor, whichever host — app, web host or CLI — asked.
 */
export const sourceFactories: SourceFactories = {
  async connect(profile: SourceProfile) {
    const redactor = profileRedactor(profile);
    try {
      const { source, version, warnings } = profile.kind === 'influx1' ? await connectInflux1(profile) : await connectInflux2(profile);
      const connected = { source: new RedactingSource(source, redactor), warnings: warnings.map((w) => redactor.text(w)) };
      return version === undefined ? connected : { ...connected, version: redactor.text(version) };
    } catch (e) {
      throw redactor.error(e);
    }
  },
};
