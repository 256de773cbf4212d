import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { isCursorKey } from '../../../shared/time/cursor-steps';
import { isoInZone, wallTextInZone } from '../../../shared/time/zone-format';
import { runCommand } from '../../commands/registry';
import { CURSOR_COMMANDS } from './time-commands';
import { timeStore, useTime } from './time-store';
import { usePlantZone } from './use-plant-zone';

/** The instant under a pointer on the track. */
function instantAt(e: PointerEvent<HTMLElement>, track: HTMLElement, range: { from: number; to: number }): number {
  const r = track.getBoundingClientRect();
  const f = r.width > 0 ? Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)) : 0;
  return range.from + f * (range.to - 1 - range.from);
}

/**
 * The time cursor: a slider over the range (DESIGN.md: role slider named "Time cursor", value in epoch ms,
 * text in ISO 8601 in the plant's zone). Dragging marks the cursor moving (views draw from loaded windows);
 * letting go, or a key press, leaves it at rest (views fetch exact values).
 */
export function TimeCursor() {
  const range = useTime((s) => s.range);
  const cursor = useTime((s) => s.cursor);
  const zone = usePlantZone();
  const track = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  if (!range || cursor === null) {
    return (
      <div className="time-cursor time-cursor--empty">
        <div role="slider" aria-label="Time cursor" aria-disabled="true" aria-valuetext="No time range chosen" tabIndex={-1} className="time-cursor__track" />
      </div>
    );
  }

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || !track.current) return;
    // No text selection starts, so a press inside an earlier selection cannot turn into a drag of that text.
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    dragging.current = true;
    const s = timeStore.getState();
    if (s.playing) s.pause();
    s.setCursor(instantAt(e, track.current, range), true);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current && track.current) timeStore.getState().setCursor(instantAt(e, track.current, range), true);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    e.currentTarget.releasePointerCapture(e.pointerId);
    timeStore.getState().rest();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!isCursorKey(e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    runCommand(CURSOR_COMMANDS[e.key]);
  };

  const fraction = range.to - 1 > range.from ? (cursor - range.from) / (range.to - 1 - range.from) : 0;
  return (
    <div className="time-cursor">
      <div
        ref={track}
        className="time-cursor__track"
        role="slider"
        tabIndex={0}
        aria-label="Time cursor"
        aria-valuemin={range.from}
        aria-valuemax={range.to - 1}
        aria-valuenow={cursor}
        aria-valuetext={isoInZone(cursor, zone)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      >
        <div className="time-cursor__fill" style={{ width: `${fraction * 100}%` }} />
        <div className="time-cursor__thumb" style={{ left: `${fraction * 100}%` }} />
      </div>
      <div className="time-cursor__ends" aria-hidden="true">
        <span>{wallTextInZone(range.from, zone, { seconds: false })}</span>
        <span>{wallTextInZone(range.to - 1, zone, { seconds: false })}</span>
      </div>
    </div>
  );
}
