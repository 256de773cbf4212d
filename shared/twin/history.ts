import { isEmptyDiff, reverseDiff, squashDiffs, type StateDiff } from './diff';

/** How an update treats undo (after Excalidraw's CaptureUpdateAction). */
export type Capture =
  /** A step of its own. */
  | { kind: 'record' }
  /** Merged into the open step with the same key: a drag, a typed word. `seal()` closes it. */
  | { kind: 'squash'; key: string }
  /** Not undoable: selection, data refreshes, remote loads. */
  | { kind: 'never' };

interface Entry {
  id: number;
  diff: StateDiff;
  squashKey: string | null;
}

/** Undo/redo over diffs. Pure: create a fresh one in a test, feed it diffs, read what to apply. */
export class History {
  private undos: Entry[] = [];
  private redos: Entry[] = [];
  private open = false;
  private nextId = 1;
  /** The redo stack as it was when the open squash step began, given back if the step is bailed. */
  private redosBeforeOpen: Entry[] | null = null;

  constructor(readonly capacity = 200) {}

  /** Record a diff that has just been applied. Any new step clears the redo stack. */
  record(diff: StateDiff, capture: Capture): void {
    if (capture.kind === 'never' || isEmptyDiff(diff)) return;
    const top = this.undos[this.undos.length - 1];
    if (capture.kind === 'squash' && this.open && top && top.squashKey === capture.key) {
      top.diff = squashDiffs(top.diff, diff);
      return;
    }
    this.redosBeforeOpen = capture.kind === 'squash' ? this.redos : null;
    this.redos = [];
    this.undos.push({ id: this.nextId++, diff, squashKey: capture.kind === 'squash' ? capture.key : null });
    this.open = capture.kind === 'squash';
    if (this.undos.length > this.capacity) this.undos.shift();
  }

  /** Close the open squash step, so the next update starts a new one (end of a drag, field blur). */
  seal(): void {
    this.open = false;
    this.redosBeforeOpen = null;
  }

  /**
   * Cancel the gesture in progress (Escape during a drag): drop the open squash step, with `key` only when
   * it is that gesture's, and return the diff that restores the document as it was before the gesture,
   * or null when no such step is open. No undo step remains, and what could be redone before can again.
   */
  bail(key?: string): StateDiff | null {
    const top = this.undos[this.undos.length - 1];
    if (!this.open || !top || (key !== undefined && top.squashKey !== key)) return null;
    this.undos.pop();
    this.open = false;
    this.redos = this.redosBeforeOpen ?? [];
    this.redosBeforeOpen = null;
    return reverseDiff(top.diff);
  }

  /** The key of the open squash step (a gesture in progress), or null. */
  get openKey(): string | null {
    return this.open ? (this.undos[this.undos.length - 1]?.squashKey ?? null) : null;
  }

  /** The diff to apply to undo the last step, or null. */
  undo(): StateDiff | null {
    this.open = false;
    this.redosBeforeOpen = null;
    const entry = this.undos.pop();
    if (!entry) return null;
    this.redos.push(entry);
    return reverseDiff(entry.diff);
  }

  /** The diff to apply to redo the last undone step, or null. */
  redo(): StateDiff | null {
    this.open = false;
    this.redosBeforeOpen = null;
    const entry = this.redos.pop();
    if (!entry) return null;
    this.undos.push(entry);
    return entry.diff;
  }

  get canUndo(): boolean {
    return this.undos.length > 0;
  }
  get canRedo(): boolean {
    return this.redos.length > 0;
  }
  get undoDepth(): number {
    return this.undos.length;
  }

  /** An id for the current position; equal ids mean the same document as when it was taken (used for the dirty mark). */
  get position(): number {
    return this.undos[this.undos.length - 1]?.id ?? 0;
  }

  clear(): void {
    this.undos = [];
    this.redos = [];
    this.open = false;
    this.redosBeforeOpen = null;
  }
}
