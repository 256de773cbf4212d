/** Which units get the plot's two visible y-axes, and which are drawn on scales of their own and listed. */
export interface AxisPlan {
  /** At most two: the left axis, then the right. */
  visible: string[];
  listed: string[];
}

/**
 * One scale per unit, at most two axes drawn. The user's choice comes first; otherwise the unit of the
 * first series with a unit (the asset's main reading, e.g. power), then the unit most series share.
 * Unitless series (states) only get an axis when nothing else wants one.
 */
export function planAxes(units: readonly string[], preferred: readonly string[] = []): AxisPlan {
  const order: string[] = [];
  const count = new Map<string, number>();
  for (const u of units) {
    if (!count.has(u)) order.push(u);
    count.set(u, (count.get(u) ?? 0) + 1);
  }
  const visible: string[] = preferred.filter((u) => count.has(u)).slice(0, 2);
  const candidates = order.filter((u) => !visible.includes(u));
  const firstWithUnit = candidates.find((u) => u !== '');
  if (visible.length === 0 && firstWithUnit !== undefined) visible.push(firstWithUnit);
  if (visible.length < 2) {
    const rest = candidates.filter((u) => !visible.includes(u) && u !== '');
    let best: string | undefined;
    for (const u of rest) if (best === undefined || (count.get(u) as number) > (count.get(best) as number)) best = u;
    if (best !== undefined) visible.push(best);
  }
  for (const u of order) if (visible.length < 2 && !visible.includes(u)) visible.push(u);
  return { visible, listed: order.filter((u) => !visible.includes(u)) };
}

/** How a unit is written on its axis and in the legend; unitless series are states (on/off, modes). */
export function unitLabel(unit: string): string {
  return unit === '' ? 'state' : unit;
}
