import type { PortDef } from '../../catalog/types';
import type { Connection, PortRef } from '../schema';
import { assetLabel, type RuleContext } from './rule-context';

type End = { ref: PortRef; label: string; port: PortDef | undefined };

// Resolve one end of a connection, reporting a missing asset or port at its path. `undefined` means the
// end is broken and the remaining rules cannot judge the connection.
function resolveEnd(ctx: RuleContext, path: string, ref: PortRef): End | undefined {
  const asset = ctx.assetsById.get(ref.asset)?.value;
  if (!asset) {
    ctx.error(`${path}.asset`, `no asset has id "${ref.asset}"`);
    return undefined;
  }
  const def = ctx.componentByKind(asset.kind);
  // The unknown kind is already reported on the asset; its ports cannot be checked.
  if (!def) return { ref, label: `${assetLabel(asset)} ${ref.port}`, port: undefined };
  const port = def.ports.find((p) => p.id === ref.port);
  if (!port) {
    const ids = def.ports.map((p) => p.id).join(', ');
    ctx.error(`${path}.port`, `${assetLabel(asset)} (${def.name}) has no port "${ref.port}"; its ports are ${ids || 'none'}`);
    return undefined;
  }
  return { ref, label: `${assetLabel(asset)} ${port.label || port.id}`, port };
}

function pairKey(c: Connection): string {
  const a = JSON.stringify([c.from.asset, c.from.port]);
  const b = JSON.stringify([c.to.asset, c.to.port]);
  // Unordered: a line from A to B duplicates one from B to A.
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Connections join existing ports of two different assets, of the same kind as the line, once. */
export function checkWiring(ctx: RuleContext): void {
  const seen = new Map<string, string>();
  for (const { value: c, path } of ctx.doc.connections) {
    const from = resolveEnd(ctx, `${path}.from`, c.from);
    const to = resolveEnd(ctx, `${path}.to`, c.to);
    if (c.from.asset === c.to.asset && ctx.assetsById.has(c.from.asset)) {
      ctx.error(path, `connects ${from?.label ?? c.from.port} to ${to?.label ?? c.to.port} of the same asset; a line joins two different assets`);
    }
    const key = pairKey(c);
    const earlier = seen.get(key);
    if (earlier) ctx.warn(path, `duplicates ${earlier}: both join ${from?.label ?? c.from.port} and ${to?.label ?? c.to.port}`);
    else seen.set(key, path);
    if (!from?.port || !to?.port) continue;

    if (from.port.kind !== to.port.kind) {
      ctx.error(
        path,
        `joins a ${from.port.kind} port (${from.label}) to a ${to.port.kind} port (${to.label}); process lines join process ports and signal lines join signal ports`,
      );
    } else if (c.kind !== from.port.kind) {
      ctx.error(`${path}.kind`, `is "${c.kind}", but ${from.label} and ${to.label} are ${from.port.kind} ports; make it "${from.port.kind}"`);
    } else if (from.port.kind === 'process' && from.port.flow !== 'both' && from.port.flow === to.port.flow) {
      const what = from.port.flow === 'out' ? 'outlets' : 'inlets';
      ctx.warn(path, `joins two ${what} (${from.label} and ${to.label}); a process line runs from an outlet to an inlet`);
    }
  }
}
