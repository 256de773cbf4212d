import { create } from 'zustand';
import { DEFAULT_QUALITY, type QualitySettings } from '../../../shared/series/cursor-reading';

const STORAGE_KEY = 'twin.quality';

/** What is kept in the browser's storage: versioned, like every persisted shape. */
interface StoredQualityV1 {
  version: 1;
  staleAfter: number;
  missingAfter: number;
  flatlineAfter: number;
}

const inRange = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/** Read stored settings; anything unreadable or out of range falls back to the defaults, field by field. */
export function readStoredQuality(text: string | null): QualitySettings {
  let raw: Partial<StoredQualityV1> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (parsed && typeof parsed === 'object' && (parsed as { version?: unknown }).version === 1) raw = parsed as Partial<StoredQualityV1>;
  } catch {
    // A damaged entry: defaults.
  }
  const staleAfter = inRange(raw.staleAfter, 1, 10_000) ? raw.staleAfter : DEFAULT_QUALITY.staleAfter;
  const missingAfter = inRange(raw.missingAfter, staleAfter, 100_000) ? raw.missingAfter : Math.max(staleAfter, DEFAULT_QUALITY.missingAfter);
  const flatlineAfter = inRange(raw.flatlineAfter, 2, 100_000) ? raw.flatlineAfter : DEFAULT_QUALITY.flatlineAfter;
  return { staleAfter, missingAfter, flatlineAfter };
}

function load(): QualitySettings {
  try {
    return readStoredQuality(localStorage.getItem(STORAGE_KEY));
  } catch {
    return DEFAULT_QUALITY;
  }
}

export interface QualityState {
  settings: QualitySettings;
  /** Change one setting; invalid values are refused with the reason. */
  set(field: keyof QualitySettings, value: number): string | null;
  reset(): void;
}

function save(s: QualitySettings): void {
  try {
    const stored: StoredQualityV1 = { version: 1, ...s };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Storage refused (private window): the setting holds for this session.
  }
}

/** When values count as stale or missing, in multiples of each sensor's usual interval; kept across sessions. */
export const useQuality = create<QualityState>()((set, get) => ({
  settings: load(),
  set(field, value) {
    const s = { ...get().settings, [field]: value };
    if (!Number.isFinite(value) || value < 1) return 'Enter a number of intervals of at least 1.';
    if (s.missingAfter < s.staleAfter) return 'Missing must come after stale: make it at least as many intervals.';
    set({ settings: s });
    save(s);
    return null;
  },
  reset() {
    set({ settings: DEFAULT_QUALITY });
    save(DEFAULT_QUALITY);
  },
}));
