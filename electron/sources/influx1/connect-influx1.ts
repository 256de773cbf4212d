import type { Influx1Profile } from '../../../shared/api/source-schemas';
import type { RequestOptions } from './influx1-http';
import { checkInflux1 } from './connection-check';
import { Influx1Source, type Influx1SourceOptions } from './influx1-source';

/** Open an InfluxDB 1.x profile: check the connection, then hand out the source with the check's findings. */
export async function connectInflux1(
  profile: Influx1Profile,
  options: Influx1SourceOptions & RequestOptions = {},
): Promise<{ source: Influx1Source; version: string; warnings: string[] }> {
  const source = new Influx1Source(profile, options);
  try {
    const check = await checkInflux1(source.http, { signal: options.signal });
    return { source, version: check.version, warnings: check.warnings };
  } catch (e) {
    await source.close();
    throw e;
  }
}
