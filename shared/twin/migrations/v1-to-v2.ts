import { schemaProblems } from '../validate/schema-problems';
import { carryOver, type JsonObject, type Migration } from './migration';
import { V1DocumentSchema, V1_VIEW_FIELDS, type V1Edge, type V1Node, type V1Sensor } from './v1-schema';

const VIEW_FIELDS: ReadonlySet<string> = new Set(V1_VIEW_FIELDS);
const without = (...names: string[]): ReadonlySet<string> => new Set([...names, ...VIEW_FIELDS]);

const NODE_FIELDS = without('id', 'type', 'position', 'data');
const DATA_FIELDS = new Set(['tag', 'label', 'properties', 'rotation', 'flipped']);
const EDGE_FIELDS = without('id', 'source', 'sourceHandle', 'target', 'targetHandle', 'type', 'animated', 'label');
const SENSOR_FIELDS = new Set(['id', 'key', 'node', 'unit', 'role', 'trusted']);
// `viewport` was React Flow's pan and zoom, saved by `toObject()`: view state, left out like the node fields above.
const DOCUMENT_FIELDS = new Set(['formatVersion', 'id', 'name', 'timezone', 'nodes', 'edges', 'sensors', 'viewport']);

// The prototype stored any angle; quarter turns map onto format 2's four rotations, anything else is
// passed through for the validator to report at its path.
function rotation(degrees: number | undefined): unknown {
  if (degrees === undefined) return 0;
  const turned = ((degrees % 360) + 360) % 360;
  return turned % 90 === 0 ? turned : degrees;
}

function asset(node: V1Node): JsonObject {
  const { tag = '', label = '', properties = {}, flipped = false } = node.data;
  const out: JsonObject = {
    id: node.id,
    kind: node.type,
    tag,
    name: label,
    properties,
    position: { x: node.position[0], y: node.position[1] },
    rotation: rotation(node.data.rotation),
    flip: flipped,
  };
  carryOver(out, node, NODE_FIELDS);
  const rest = carryOver({}, node.data, DATA_FIELDS);
  // Unknown `data` fields stay together, so a later migration or a user can still tell where they came from.
  if (Object.keys(rest).length > 0) carryOver(out, { data: rest }, new Set());
  return out;
}

function connection(edge: V1Edge): JsonObject {
  const out: JsonObject = {
    id: edge.id,
    kind: edge.type ?? (edge.animated === true ? 'signal' : 'process'),
    from: { asset: edge.source, port: edge.sourceHandle },
    to: { asset: edge.target, port: edge.targetHandle },
  };
  if (edge.label !== undefined) out.label = edge.label;
  return carryOver(out, edge, EDGE_FIELDS);
}

function sensor(s: V1Sensor): JsonObject {
  const out: JsonObject = {
    id: s.id,
    series: s.key,
    unit: s.unit ?? null,
    role: s.role ?? '',
    trusted: s.trusted ?? true,
    assetId: s.node ?? null,
  };
  return carryOver(out, s, SENSOR_FIELDS);
}

/** Format 1 (React Flow-shaped prototype) → format 2 (assets, connections between ports, systems, models). */
export const v1ToV2: Migration = {
  from: 1,
  to: 2,
  summary: 'Nodes and edges become assets and connections; positions become {x, y}; "timezone" becomes "timeZone".',
  up(raw) {
    const parsed = V1DocumentSchema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, problems: schemaProblems(parsed.error.issues).map((p) => ({ ...p, message: `${p.message} (format 1 file)` })) };
    }
    const v1 = parsed.data;
    const out: JsonObject = {
      formatVersion: 2,
      id: v1.id,
      name: v1.name ?? 'Untitled plant',
      timeZone: v1.timezone ?? 'UTC',
      assets: v1.nodes.map(asset),
      connections: v1.edges.map(connection),
      systems: [],
      sensors: v1.sensors.map(sensor),
      models: [],
    };
    return { ok: true, document: carryOver(out, raw, DOCUMENT_FIELDS) };
  },
};
