import { FORMAT_VERSION } from './format-version';
import type { TwinDocument } from './schema';

/** A project with nothing in it (its own file so the renderer can make one without building the schemas). */
export function emptyDocument(id: string, name = 'Untitled plant', timeZone = 'UTC'): TwinDocument {
  return {
    formatVersion: FORMAT_VERSION,
    id,
    name,
    timeZone,
    sources: [],
    assets: [],
    connections: [],
    systems: [],
    sensors: [],
    models: [],
    rejectedSuggestions: [],
  };
}
