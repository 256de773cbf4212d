import { z } from 'zod';
import { AssetSchema, ConnectionSchema, SensorSchema } from '../schema';

/**
 * What copy puts on the clipboard: the assets, the connections among them and their sensor bindings. Versioned.
 * Its own module: the renderer loads it (and the document schemas) only when pasting from the system clipboard.
 */
export const ClipboardSchema = z.object({
  twinClipboard: z.literal(1),
  assets: z.array(AssetSchema).max(10_000),
  connections: z.array(ConnectionSchema).max(50_000),
  sensors: z.array(SensorSchema).max(50_000),
});
export type ClipboardPayload = z.infer<typeof ClipboardSchema>;
