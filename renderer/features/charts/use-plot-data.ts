import { useEffect, useRef, useState } from 'react';
import { getApi } from '../../api/client';
import { isCancelled, loadPlotData, type PlotData, type PlotRequest } from './plot-data';

export interface PlotDataState {
  data: PlotData | null;
  loading: boolean;
  error: string | null;
}

/** A resize asks again once the size has settled; a zoom or a new selection asks at once. */
const RESIZE_SETTLE_MS = 150;

/** The plot's channel: a newer load cancels the older one in the main process, down to its query. */
const CHANNEL = 'chart';

function keyOf(req: PlotRequest): string {
  return JSON.stringify([req.range.from, req.range.to, req.series.map((s) => s.id), req.band, req.staleAfter]);
}

/** Load the plot's windows (and raw points where the zoom is finer than the data) whenever the request changes. */
export function usePlotData(req: PlotRequest | null, revision: number): PlotDataState {
  const [state, setState] = useState<PlotDataState>({ data: null, loading: false, error: null });
  const seq = useRef(0);
  const previous = useRef<{ key: string; width: number; revision: number } | null>(null);
  const key = req ? keyOf(req) : '';
  const width = req?.widthPx ?? 0;

  useEffect(() => {
    if (!req) {
      seq.current++;
      previous.current = null;
      setState({ data: null, loading: false, error: null });
      return;
    }
    const onlyResized = previous.current !== null && previous.current.key === key && previous.current.revision === revision && previous.current.width !== width;
    previous.current = { key, width, revision };
    const mine = ++seq.current;
    const timer = setTimeout(
      () => {
        setState((s) => ({ ...s, loading: true }));
        loadPlotData(getApi(), req, CHANNEL).then(
          (data) => {
            if (mine === seq.current) setState({ data, loading: false, error: null });
          },
          (e: unknown) => {
            if (mine !== seq.current || isCancelled(e)) return;
            setState((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e) }));
          },
        );
      },
      onlyResized ? RESIZE_SETTLE_MS : 0,
    );
    return () => clearTimeout(timer);
    // The request is keyed by its content; a new object with the same content asks nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, width, revision]);

  return state;
}
