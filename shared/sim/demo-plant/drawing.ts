import { componentByKind } from '../../catalog/catalog';
import type { Rotation } from '../../catalog/port-geometry';
import { placedPort } from '../../catalog/port-geometry';
import type { Asset, Connection, PropertyValue } from '../../twin/schema';

export interface Placement {
  rotation?: Rotation;
  flip?: boolean;
  properties?: Record<string, PropertyValue>;
}

/** Where to put an asset: its top-left corner, or the point one of its ports must land on. */
export type Anchor = { x: number; y: number; port?: string };

/** The asset id for a tag: lower case, so ids stay readable in the file (`ch-1`, `tt-101`). */
export function idOf(tag: string): string {
  return tag.toLowerCase();
}

/**
 * Builds a drawing the way an engineer lays one out: each asset placed so a chosen port lands on a grid
 * line, so the pipes between aligned ports run straight. Sizes and ports come from the catalog.
 */
export class Drawing {
  readonly assets: Asset[] = [];
  readonly connections: Connection[] = [];
  private readonly byId = new Map<string, Asset>();

  /** Place an asset; throws for a kind or port the catalog does not have, or a tag used twice. */
  add(kind: string, tag: string, name: string, at: Anchor, place: Placement = {}): string {
    const def = componentByKind(kind);
    if (!def) throw new Error(`The catalog has no component kind "${kind}" (asset ${tag})`);
    const id = idOf(tag);
    if (this.byId.has(id)) throw new Error(`Tag ${tag} is used twice in the demo drawing`);
    const rotation = place.rotation ?? 0;
    const flip = place.flip ?? false;
    let x = at.x;
    let y = at.y;
    if (at.port !== undefined) {
      const p = placedPort(def, at.port, rotation, flip);
      x -= p.x;
      y -= p.y;
    }
    const properties: Record<string, PropertyValue> = {};
    for (const prop of def.properties) properties[prop.key] = prop.default;
    Object.assign(properties, place.properties ?? {});
    const asset: Asset = { id, kind, tag, name, properties, position: { x, y }, rotation, flip };
    this.assets.push(asset);
    this.byId.set(id, asset);
    return id;
  }

  /** Where a port of a placed asset is on the canvas. */
  port(tag: string, port: string): { x: number; y: number } {
    const a = this.byId.get(idOf(tag));
    const def = a && componentByKind(a.kind);
    if (!a || !def) throw new Error(`No asset ${tag} in the demo drawing`);
    const p = placedPort(def, port, a.rotation, a.flip);
    return { x: a.position.x + p.x, y: a.position.y + p.y };
  }

  /** A process line from an outlet (or either end of a header or junction) to an inlet. */
  pipe(from: string, fromPort: string, to: string, toPort: string): void {
    this.connect('process', from, fromPort, to, toPort);
  }

  /** A signal line from the port that sends to the port that receives. */
  signal(from: string, fromPort: string, to: string, toPort: string): void {
    this.connect('signal', from, fromPort, to, toPort);
  }

  private connect(kind: Connection['kind'], from: string, fromPort: string, to: string, toPort: string): void {
    const prefix = kind === 'process' ? 'pl' : 'sg';
    const n = this.connections.filter((c) => c.kind === kind).length + 1;
    this.connections.push({
      id: `${prefix}-${String(n).padStart(3, '0')}`,
      kind,
      from: { asset: idOf(from), port: fromPort },
      to: { asset: idOf(to), port: toPort },
    });
  }
}
