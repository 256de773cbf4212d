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

  constructor(readonly capacity = 200) {}

  /** Record a diff that has just been applied. Any new step clears the redo stack. */
  record(diff: StateDiff, capture: Capture): void {
    if (capture.kind === 'never' || isEmptyDiff(diff)) return;
    this.redos = [];
    const top = this.undos[this.undos.length - 1];
    if (capture.kind === 'squash' && this.open && top && top.squashKey === capture.key) {
      top.diff = squashDiffs(top.diff, diff);
      return;
    }
    this.undos.push({ id: this.nextId++, diff, squashKey: capture.kind === 'squash' ? capture.key : null });
    this.open = capture.kind === 'squash';
    if (this.undos.length > this.capacity) this.undos.shift();
  }

  /** Close the open squash step, so the next update starts a new one (end of a drag, field blur). */
  seal(): void {
    this.open = false;
  }

  /** The diff to apply to undo the last step, or null. */
  undo(): StateDiff | null {
    this.open = false;
    const entry = this.undos.pop();
    if (!entry) return null;
    this.redos.push(entry);
    return reverseDiff(entry.diff);
  }

  /** The diff to apply to redo the last undone step, or null. */
  redo(): StateDiff | null {
    this.open = false;
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
  }
}
