import { z } from 'zod';

/**
 * Format 1: the pre-release prototype. It saved React Flow's own state: `nodes` with `type` (the
 * component kind), `position` as `[x, y]` and everything else under `data`; `edges` with
 * `source/sourceHandle/target/targetHandle`, where a signal line was only marked by `animated: true`
 * (an explicit `type` came late); the plant time zone as `timezone`; sensors with `key` and `node`;
 * no systems and no models; React Flow's `viewport` at the top. Loose objects, so fields the prototype did not define are carried over.
 */

const Id = z.string().min(1, 'is empty');
const Finite = z.number().finite();

export const V1NodeSchema = z.looseObject({
  id: Id,
  type: z.string().min(1, 'is empty'),
  position: z.tuple([Finite, Finite], { error: 'must be [x, y]' }),
  data: z
    .looseObject({
      tag: z.string().optional(),
      label: z.string().optional(),
      properties: z.record(z.string(), z.unknown()).optional(),
      rotation: z.number().optional(),
      flipped: z.boolean().optional(),
    })
    .default({}),
});
export type V1Node = z.infer<typeof V1NodeSchema>;

export const V1EdgeSchema = z.looseObject({
  id: Id,
  source: Id,
  sourceHandle: Id,
  target: Id,
  targetHandle: Id,
  type: z.enum(['process', 'signal']).optional(),
  animated: z.boolean().optional(),
  label: z.string().optional(),
});
export type V1Edge = z.infer<typeof V1EdgeSchema>;

export const V1SensorSchema = z.looseObject({
  id: Id,
  key: z.string(),
  node: z.string().nullable().optional(),
  unit: z.string().nullable().optional(),
  role: z.string().optional(),
  trusted: z.boolean().optional(),
});
export type V1Sensor = z.infer<typeof V1SensorSchema>;

export const V1DocumentSchema = z.looseObject({
  formatVersion: z.literal(1),
  id: Id,
  name: z.string().optional(),
  timezone: z.string().optional(),
  nodes: z.array(V1NodeSchema).default([]),
  edges: z.array(V1EdgeSchema).default([]),
  sensors: z.array(V1SensorSchema).default([]),
});
export type V1Document = z.infer<typeof V1DocumentSchema>;

/** Fields of a React Flow node or edge that were view state, not plant data; format 2 keeps them out of the file. */
export const V1_VIEW_FIELDS = ['selected', 'dragging', 'width', 'height', 'measured', 'positionAbsolute', 'zIndex', 'style', 'className'] as const;
