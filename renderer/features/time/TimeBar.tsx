import { CursorReadout } from './CursorReadout';
import { PlayControls } from './PlayControls';
import { RangePicker } from './RangePicker';
import { TimeCursor } from './TimeCursor';
import { ValueLegend } from '../values/ValueLegend';
import './time-bar.css';

/** Under the canvas: the range picker, the time cursor, play controls and the legend of what the schematic draws. */
export function TimeBar() {
  return (
    <section className="timebar" aria-label="Time">
      <div className="timebar__row">
        <RangePicker />
        <ValueLegend />
      </div>
      <div className="timebar__row timebar__row--cursor">
        <PlayControls />
        <TimeCursor />
        <CursorReadout />
      </div>
    </section>
  );
}
