import { displayKeys, getCommand } from '../../commands/registry';
import { togglePlay } from './time-commands';
import { PLAY_SPEEDS, timeStore, useTime, type PlaySpeed } from './time-store';

const speedText = (s: PlaySpeed) => `${s.toLocaleString('en-US')}×`;

/** Play/pause and the play speed (simulated seconds per second). */
export function PlayControls() {
  const playing = useTime((s) => s.playing);
  const speed = useTime((s) => s.speed);
  const hasRange = useTime((s) => s.range !== null);
  const keys = displayKeys(getCommand('time.playPause')?.keys);
  return (
    <div className="play-controls">
      <button type="button" className="play-controls__play" onClick={togglePlay} disabled={!hasRange} title={keys ? `Play / pause (${keys})` : 'Play / pause'}>
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
      </button>
      <select
        className="play-controls__speed"
        value={speed}
        onChange={(e) => timeStore.getState().setSpeed(Number(e.target.value) as PlaySpeed)}
        aria-label="Play speed"
      >
        {PLAY_SPEEDS.map((s) => (
          <option key={s} value={s}>
            {speedText(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
