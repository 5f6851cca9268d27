import { MARATHON_M } from './distance';

/** Who is racing; sets how fast and how slow an elapsed time can plausibly be. */
export type RaceKind = 'elite-men' | 'elite-women' | 'wheelchair-men' | 'wheelchair-women' | 'mass';

const hours = (h: number, m: number) => (h * 60 + m) * 60_000;

// Whole-marathon bounds, pro-rated by distance. Deliberately wider than any real result: they only have to
// tell an h:mm.ss caption from an m:ss.hh one (hours vs minutes apart), never reject a genuine record.
const MARATHON_BOUNDS_MS: Record<RaceKind, readonly [number, number]> = {
  // World record 2:00:35 (2023); the floor leaves room for a quick early split, the ceiling for a hot day.
  'elite-men': [hours(1, 55), hours(2, 40)],
  // World record 2:09:56 (2024) is already under the 2:10 often quoted, so the floor sits at 2:05.
  'elite-women': [hours(2, 5), hours(3, 0)],
  // Wheelchair racers are the fastest on the road and much faster downhill; the ceilings allow a wet, hilly day.
  'wheelchair-men': [hours(1, 10), hours(2, 30)],
  'wheelchair-women': [hours(1, 15), hours(2, 45)],
  // Nobody in the mass start beats elite pace; 8 hours is where finish timing usually closes.
  mass: [hours(2, 0), hours(8, 0)],
};

/** [minMs, maxMs] for an elapsed time at `distanceM`, widened to whole seconds. */
export function plausibleRange(distanceM: number, kind: RaceKind): [number, number] {
  const [min, max] = MARATHON_BOUNDS_MS[kind];
  const share = distanceM / MARATHON_M;
  return [Math.floor((min * share) / 1000) * 1000, Math.ceil((max * share) / 1000) * 1000];
}
