import type { OnAirGraphic, ShowState } from '../state/showState';

/**
 * A graphic's model for a snapshot, resolved once: the page asks for it for the snapshot's images, to check
 * they are loaded, and to reconcile, and a leaderboard's standings over a mass race's passings cost a
 * millisecond each time. Keyed by object identity (snapshot, then on-air graphic), which is exact because
 * snapshots are never changed once parsed: a new snapshot is a new object and is resolved afresh.
 */
export function createModelMemo(resolve: (onAir: OnAirGraphic, show: ShowState) => unknown) {
  const bySnapshot = new WeakMap<ShowState, WeakMap<OnAirGraphic, unknown>>();
  return (onAir: OnAirGraphic, show: ShowState): unknown => {
    let models = bySnapshot.get(show);
    if (!models) bySnapshot.set(show, (models = new WeakMap()));
    if (models.has(onAir)) return models.get(onAir);
    const model = resolve(onAir, show);
    models.set(onAir, model);
    return model;
  };
}
