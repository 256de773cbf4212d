import { isValidTimeZone } from '../../../shared/time/zone-offsets';
import { useDocument } from '../../stores/document-store';

/** The plant's zone for display; UTC while the twin names none this runtime knows (the inspector flags that). */
export function usePlantZone(): string {
  const zone = useDocument((s) => s.twin.meta.timeZone);
  return isValidTimeZone(zone) ? zone : 'UTC';
}
