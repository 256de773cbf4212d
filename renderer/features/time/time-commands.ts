import { stepCursor, type CursorKey } from '../../../shared/time/cursor-steps';
import { RANGE_PRESETS } from '../../../shared/time/range-presets';
import { registerCommands, type Command } from '../../commands/registry';
import { applyPreset } from './range-actions';
import { PLAY_SPEEDS, timeStore } from './time-store';

const hasRange = () => timeStore.getState().range !== null;

/** Move the cursor as a slider key does; playing stops, as it does when the cursor is dragged. */
export function moveCursorBy(key: CursorKey): void {
  const s = timeStore.getState();
  if (!s.range || s.cursor === null) return;
  if (s.playing) s.pause();
  s.setCursor(stepCursor(s.cursor, s.range, key), false);
}

/** Play from the cursor (from the start when it is at the end), or pause. */
export function togglePlay(): void {
  const s = timeStore.getState();
  if (s.playing) return s.pause();
  if (!s.range) return;
  if (s.cursor !== null && s.cursor >= s.range.to - 1) s.setCursor(s.range.from, false);
  s.play();
}

function changeSpeed(direction: 1 | -1): void {
  const s = timeStore.getState();
  const i = PLAY_SPEEDS.indexOf(s.speed) + direction;
  const next = PLAY_SPEEDS[Math.min(PLAY_SPEEDS.length - 1, Math.max(0, i))];
  if (next !== undefined) s.setSpeed(next);
}

/** Cursor keys and the commands they run: the slider, menus and tests share these ids. */
export const CURSOR_COMMANDS: Readonly<Record<CursorKey, string>> = {
  ArrowRight: 'time.stepForward',
  ArrowUp: 'time.stepForward',
  ArrowLeft: 'time.stepBack',
  ArrowDown: 'time.stepBack',
  PageUp: 'time.pageForward',
  PageDown: 'time.pageBack',
  Home: 'time.toStart',
  End: 'time.toEnd',
};

const commands: Command[] = [
  { id: 'time.playPause', label: 'Play / pause', keys: ['Shift+Space'], run: togglePlay, enabled: hasRange },
  { id: 'time.stepForward', label: 'Time cursor: next window', run: () => moveCursorBy('ArrowRight'), enabled: hasRange },
  { id: 'time.stepBack', label: 'Time cursor: previous window', run: () => moveCursorBy('ArrowLeft'), enabled: hasRange },
  { id: 'time.pageForward', label: 'Time cursor: ten windows on', run: () => moveCursorBy('PageUp'), enabled: hasRange },
  { id: 'time.pageBack', label: 'Time cursor: ten windows back', run: () => moveCursorBy('PageDown'), enabled: hasRange },
  { id: 'time.toStart', label: 'Time cursor: start of the range', run: () => moveCursorBy('Home'), enabled: hasRange },
  { id: 'time.toEnd', label: 'Time cursor: end of the range', run: () => moveCursorBy('End'), enabled: hasRange },
  { id: 'time.faster', label: 'Play faster', run: () => changeSpeed(1) },
  { id: 'time.slower', label: 'Play slower', run: () => changeSpeed(-1) },
  {
    id: 'time.zoomBack',
    label: 'Back to the previous range',
    run: () => timeStore.getState().zoomBack(),
    enabled: () => timeStore.getState().previous.length > 0,
  },
  ...RANGE_PRESETS.map((p) => ({ id: `time.range.${p.id}`, label: `Time range: ${p.label}`, run: () => applyPreset(p.id) })),
];

/** Register the time bar's commands once at start. */
export function registerTimeCommands(): void {
  registerCommands(commands);
}
