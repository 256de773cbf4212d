import { componentByKind } from '../catalog/catalog';
import type { PortDef } from '../catalog/types';
import type { ConnectionKind, PortRef } from './schema';
import type { TwinState } from './state';

export type ConnectCheck = { ok: true; kind: ConnectionKind } | { ok: false; reason: string };

/** The catalog definition of a port of an asset in the state, if both exist. */
export function portOf(state: TwinState, ref: PortRef): PortDef | undefined {
  const asset = state.assets[ref.asset];
  if (!asset) return undefined;
  return componentByKind(asset.kind)?.ports.find((p) => p.id === ref.port);
}

function describe(state: TwinState, ref: PortRef): string {
  const asset = state.assets[ref.asset];
  const port = portOf(state, ref);
  return `${asset?.tag || ref.asset} ${port?.label ?? ref.port}`;
}

/**
 * Whether two ports may be joined: process to process and signal to signal, never a port to itself,
 * never the same pair twice, and not outlet to outlet or inlet to inlet. The reason is shown to the user.
 */
export function canConnect(state: TwinState, from: PortRef, to: PortRef): ConnectCheck {
  const a = portOf(state, from);
  const b = portOf(state, to);
  if (!a) return { ok: false, reason: `Port ${from.port} of ${state.assets[from.asset]?.tag ?? from.asset} does not exist.` };
  if (!b) return { ok: false, reason: `Port ${to.port} of ${state.assets[to.asset]?.tag ?? to.asset} does not exist.` };
  if (from.asset === to.asset) return { ok: false, reason: `${describe(state, from)} cannot connect to its own asset.` };
  if (a.kind !== b.kind) {
    return {
      ok: false,
      reason: `Refused: ${describe(state, from)} is a ${a.kind} port and ${describe(state, to)} is a ${b.kind} port. Process lines join process ports; signal lines join signal ports.`,
    };
  }
  if (a.kind === 'process' && a.flow !== 'both' && a.flow === b.flow) {
    const what = a.flow === 'out' ? 'outlets' : 'inlets';
    return {
      ok: false,
      reason: `Refused: ${describe(state, from)} and ${describe(state, to)} are both ${what}; a process line runs from an outlet to an inlet.`,
    };
  }
  for (const c of Object.values(state.connections)) {
    const same =
      (c.from.asset === from.asset && c.from.port === from.port && c.to.asset === to.asset && c.to.port === to.port) ||
      (c.from.asset === to.asset && c.from.port === to.port && c.to.asset === from.asset && c.to.port === from.port);
    if (same) return { ok: false, reason: `${describe(state, from)} and ${describe(state, to)} are already connected.` };
  }
  return { ok: true, kind: a.kind };
}

/** Orient a process connection from outlet to inlet, so the flow arrow points the way the fluid goes. */
export function orient(state: TwinState, from: PortRef, to: PortRef): [PortRef, PortRef] {
  const a = portOf(state, from);
  const b = portOf(state, to);
  if (a?.flow === 'in' || b?.flow === 'out') return [to, from];
  return [from, to];
}
