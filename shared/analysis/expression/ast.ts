/** A parsed expression. Every node keeps the column it starts at, for messages about it. */
export type ExprNode =
  | { kind: 'number'; value: number; column: number }
  /** An input of the model, or a role of the asset's sensors. */
  | { kind: 'name'; name: string; column: number }
  /** A sensor named by its series key in backquotes. */
  | { kind: 'series'; key: string; column: number }
  | { kind: 'negate'; arg: ExprNode; column: number }
  | { kind: 'binary'; op: BinaryOp; left: ExprNode; right: ExprNode; column: number }
  | { kind: 'call'; fn: FunctionName; args: ExprNode[]; column: number };

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

/** Functions an expression may call, with how many arguments each takes. */
export const FUNCTIONS = { abs: 1, sqrt: 1, exp: 1, ln: 1, log10: 1, min: 2, max: 2 } as const;
export type FunctionName = keyof typeof FUNCTIONS;

/** Whether a name is a function (own keys only). */
export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

/** Words that cannot name an input. */
export const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or']);

/** Every name and series key an expression reads, each with the column of its first use. */
export function referencesOf(node: ExprNode): { names: Map<string, number>; series: Map<string, number> } {
  const names = new Map<string, number>();
  const series = new Map<string, number>();
  const walk = (n: ExprNode): void => {
    switch (n.kind) {
      case 'name':
        if (!names.has(n.name)) names.set(n.name, n.column);
        return;
      case 'series':
        if (!series.has(n.key)) series.set(n.key, n.column);
        return;
      case 'negate':
        return walk(n.arg);
      case 'binary':
        walk(n.left);
        return walk(n.right);
      case 'call':
        return n.args.forEach(walk);
      case 'number':
        return;
    }
  };
  walk(node);
  return { names, series };
}
