import { subtractRanges } from '../../../shared/series/range-set';
import { slicesOf, type SeriesBuckets } from '../../../shared/series/rollup-math';
import type { TimeRange, WindowLayout } from '../../../shared/series/types';
import type { RollupJob, RollupStore } from '../local/rollup-store';

/** One aggregate query: a series' buckets of one level over one slice. */
export type FetchBuckets = (key: string, layout: WindowLayout, signal: AbortSignal) => Promise<SeriesBuckets>;

/** Where a fill stands; sent to the UI and printed by the CLI. */
export interface FillProgress {
  state: 'idle' | 'filling' | 'failed' | 'cancelled';
  /** Slices (one query each) done and asked for since the filler was last idle. */
  done: number;
  total: number;
  failed: number;
  message: string;
}

interface Task {
  source: string;
  fetch: FetchBuckets;
  sid: number;
  key: string;
  level: number;
  range: TimeRange;
  job: RollupJob;
  retried: boolean;
}

const jobId = (j: RollupJob) => `${j.sid}|${j.level}|${j.from}|${j.to}`;
const levelId = (sid: number, level: number) => `${sid}|${level}`;

function levelName(ms: number): string {
  return ms >= 86_400_000 ? `${ms / 86_400_000} d` : ms >= 3_600_000 ? `${ms / 3_600_000} h` : `${ms / 60_000} min`;
}

/**
 * Fills rollup levels in the background: one aggregate query per series, level and slice, up to `limit`
 * in flight, newest requests first (the range the user looks at now). Each slice lands with its coverage in
 * one transaction; what was asked for is kept as a job until every slice of it is in, so a restart resumes
 * it. Cancel drops the queue and the jobs; stop (the app quitting) keeps the jobs.
 */
export class RollupFiller {
  private queue: Task[] = [];
  /** Per series and level, the slices queued or running: a request covering them leaves them out. */
  private readonly queued = new Map<string, TimeRange[]>();
  private readonly piecesLeft = new Map<string, number>();
  private readonly failedJobs = new Set<string>();
  private running = 0;
  private done = 0;
  private total = 0;
  private failed = 0;
  private lastError = '';
  private state: FillProgress['state'] = 'idle';
  private controller = new AbortController();
  private idleWaiters: (() => void)[] = [];
  private readonly listeners = new Set<(p: FillProgress) => void>();
  private lastEmit = 0;
  private stopped = false;
  private cancels = 0;
  /** Sources closed while their slices ran: those slices' outcomes are ignored. */
  private readonly abandoned = new Set<string>();

  constructor(
    private readonly store: RollupStore,
    private readonly options: { limit: number; now: () => number; afterPut?: () => Promise<void> },
  ) {}

  onProgress(listener: (p: FillProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  progress(): FillProgress {
    const { done, total, failed } = this;
    const message =
      this.state === 'filling'
        ? `Caching history: ${done} of ${total} slices`
        : this.state === 'failed'
          ? `Caching history stopped: ${failed} slice${failed === 1 ? '' : 's'} failed (${this.lastError}). They are tried again on the next look or restart.`
          : this.state === 'cancelled'
            ? 'Caching history cancelled.'
            : 'History cache up to date.';
    return { state: this.state, done, total, failed, message };
  }

  private emit(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastEmit < 250) return;
    this.lastEmit = now;
    const p = this.progress();
    for (const l of this.listeners) l(p);
  }

  /** Bumped by cancel: requests still being queued when it happened are dropped. */
  get epoch(): number {
    return this.cancels;
  }

  /**
   * Ask for a level of some series to be filled over a range (whole buckets). Only the parts not filled yet
   * are queued; `persist` records the jobs (in one write) so a restart resumes them. Returns the slices queued.
   */
  async request(
    source: string,
    fetch: FetchBuckets,
    series: readonly { sid: number; key: string }[],
    level: number,
    range: TimeRange,
    persist = true,
    epoch = this.cancels,
  ): Promise<number> {
    if (this.stopped || epoch !== this.cancels) return 0;
    this.abandoned.delete(source);
    const wanted = series.map(({ sid, key }) => ({
      sid,
      key,
      job: { sid, level, from: range.from, to: range.to },
      // What is neither filled nor on its way: another request's slice may start where ours does and end sooner.
      pieces: this.store
        .missing(sid, level, range)
        .flatMap((m) => subtractRanges(m, this.queued.get(levelId(sid, level)) ?? []))
        .flatMap((m) => slicesOf(m, level)),
    }));
    const done = wanted.filter((w) => w.pieces.length === 0);
    const todo = wanted.filter((w) => w.pieces.length > 0);
    if (persist && done.length) await this.store.removeJobs(done.map((w) => w.job)).catch(() => undefined);
    if (todo.length === 0) return 0;
    if (persist)
      await this.store.addJobs(
        todo.map((w) => w.job),
        this.options.now(),
      );
    if (this.stopped || epoch !== this.cancels) return 0;
    if (this.state !== 'filling') this.reset();
    const tasks: Task[] = [];
    for (const w of todo) {
      const id = jobId(w.job);
      this.piecesLeft.set(id, (this.piecesLeft.get(id) ?? 0) + w.pieces.length);
      for (const r of w.pieces) tasks.push({ source, fetch, sid: w.sid, key: w.key, level, range: r, job: w.job, retried: false });
    }
    for (const t of tasks) this.markQueued(t);
    // Newest request first; its own slices in time order.
    this.queue = [...tasks, ...this.queue];
    this.total += tasks.length;
    this.state = 'filling';
    this.emit(true);
    this.pump();
    return tasks.length;
  }

  private markQueued(t: Task): void {
    const id = levelId(t.sid, t.level);
    const list = this.queued.get(id);
    if (list) list.push(t.range);
    else this.queued.set(id, [t.range]);
  }

  private unmarkQueued(t: Task): void {
    const id = levelId(t.sid, t.level);
    const list = this.queued.get(id);
    const i = list ? list.findIndex((r) => r.from === t.range.from && r.to === t.range.to) : -1;
    if (!list || i < 0) return;
    list.splice(i, 1);
    if (list.length === 0) this.queued.delete(id);
  }

  private reset(): void {
    this.done = 0;
    this.total = 0;
    this.failed = 0;
    this.lastError = '';
  }

  private pump(): void {
    while (this.running < this.options.limit && this.queue.length > 0) {
      const task = this.queue.shift() as Task;
      this.running++;
      void this.run(task).finally(() => {
        this.running--;
        this.unmarkQueued(task);
        this.pump();
        if (this.running === 0 && this.queue.length === 0) this.settle();
      });
    }
  }

  private settle(): void {
    if (this.state === 'filling') this.state = this.failed > 0 ? 'failed' : 'idle';
    this.emit(true);
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private async run(task: Task): Promise<void> {
    const signal = this.controller.signal;
    try {
      const seq = this.store.seq(task.sid);
      const layout: WindowLayout = { from: task.range.from, to: task.range.to, width: task.level, n: (task.range.to - task.range.from) / task.level };
      const buckets = await task.fetch(task.key, layout, signal);
      const stored = await this.store.put(task.sid, task.level, task.range, buckets, seq, this.options.now());
      if (!stored && !task.retried && !signal.aborted) {
        // The series changed while it was read: read it again.
        this.queue.unshift({ ...task, retried: true });
        this.markQueued(task);
        return;
      }
      this.done++;
      await this.options.afterPut?.();
      await this.finishPiece(task.job, true);
    } catch (e) {
      if (signal.aborted || this.abandoned.has(task.source)) return;
      this.failed++;
      this.lastError = e instanceof Error ? e.message : String(e);
      await this.finishPiece(task.job, false);
    } finally {
      this.emit();
    }
  }

  private async finishPiece(job: RollupJob, ok: boolean): Promise<void> {
    const id = jobId(job);
    if (!ok) this.failedJobs.add(id);
    const left = (this.piecesLeft.get(id) ?? 1) - 1;
    if (left > 0) {
      this.piecesLeft.set(id, left);
      return;
    }
    this.piecesLeft.delete(id);
    // A job with a failed slice stays, to be resumed.
    if (this.failedJobs.delete(id)) return;
    await this.store.removeJobs([job]).catch(() => undefined);
  }

  /**
   * A source was closed (disconnected, or replaced by a new connection): its queued slices go and its running
   * ones no longer count, but its jobs stay, so the source's next layer resumes them.
   */
  dropSource(source: string): void {
    const dropped = this.queue.filter((t) => t.source === source);
    this.queue = this.queue.filter((t) => t.source !== source);
    for (const t of dropped) this.unmarkQueued(t);
    this.total -= dropped.length;
    this.abandoned.add(source);
    if (this.running === 0 && this.queue.length === 0) this.settle();
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stop filling: queued slices are dropped and their jobs forgotten (the user cancelled); running queries are aborted. */
  async cancel(): Promise<void> {
    const jobs = new Map<string, RollupJob>();
    for (const t of this.queue) {
      jobs.set(jobId(t.job), t.job);
      this.unmarkQueued(t);
    }
    this.queue = [];
    this.cancels++;
    this.controller.abort();
    this.controller = new AbortController();
    this.state = 'cancelled';
    await this.idle();
    await this.store.removeJobs([...jobs.values()]).catch(() => undefined);
    this.piecesLeft.clear();
    this.emit(true);
  }

  /** Stop for good (closing): running queries are aborted, unfinished jobs stay for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.queue) this.unmarkQueued(t);
    this.queue = [];
    this.controller.abort();
    await this.idle();
  }
}

export { levelName };
