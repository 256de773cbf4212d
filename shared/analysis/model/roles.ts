/**
 * The role ids a name in an expression may stand for, most literal first: `chws` is chws-temperature,
 * `dp_setpoint` is dp-setpoint. Role ids hold hyphens, which an expression reads as minus.
 */
export function roleCandidates(name: string): string[] {
  const dashed = name.replace(/_/g, '-');
  return [...new Set([name, dashed, `${name}-temperature`, `${dashed}-temperature`])];
}
