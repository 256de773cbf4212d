import type { ConnectionStep } from '../../../shared/api/tenant-schemas';

/** The steps of one connection test, in plan order; once a step fails the rest are marked as not checked. */
export class StepLog {
  private readonly done: ConnectionStep[] = [];

  constructor(private readonly plan: readonly (readonly [id: string, label: string])[]) {}

  private label(id: string): string {
    return this.plan.find(([i]) => i === id)?.[1] ?? id;
  }

  private add(id: string, status: ConnectionStep['status'], detail: string): void {
    this.done.push({ id, label: this.label(id), status, detail });
  }

  get steps(): ConnectionStep[] {
    const order = (id: string): number => this.plan.findIndex(([i]) => i === id);
    return [...this.done].sort((a, b) => order(a.id) - order(b.id));
  }

  ok(id: string, detail: string): void {
    this.add(id, 'ok', detail);
  }
  warn(id: string, detail: string): void {
    this.add(id, 'warning', detail);
  }
  skip(id: string, detail: string): void {
    this.add(id, 'skipped', detail);
  }
  /** A failed step; every later step of the plan is listed as not checked. */
  fail(id: string, detail: string): void {
    this.add(id, 'failed', detail);
    const done = new Set(this.done.map((s) => s.id));
    for (const [i] of this.plan) if (!done.has(i)) this.add(i, 'skipped', 'Not checked: an earlier step failed.');
  }

  get failed(): boolean {
    return this.done.some((s) => s.status === 'failed');
  }
}
