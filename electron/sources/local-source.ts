import type { SourceInfo } from '../../shared/api/source-schemas';
import { LocalStore } from './local/local-store';

/** The id every project may use for the embedded store. */
export const LOCAL_SOURCE_ID = 'local';

/** Open the embedded store in the data folder and describe it for the source list. */
export async function openLocalSource(dir: string): Promise<{ info: SourceInfo; source: LocalStore; store: LocalStore }> {
  const store = await LocalStore.open(dir);
  return { info: { id: LOCAL_SOURCE_ID, kind: 'local', name: 'Local store', location: dir, warnings: [] }, source: store, store };
}
