import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Command } from '../protocol/command';
import { emptyShow, type ShowState } from '../state/showState';
import { startAutoOutTimers } from './autoOutTimers';
import { createHub } from './hub';

const cram = { kind: 'nameCard', props: { name: 'Steve Cram', role: 'Commentator' } } as const;

describe('auto-out timers', () => {
  beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => void vi.useRealTimers());

  function hubWith(initial: ShowState) {
    const saved: ShowState[] = [];
    const hub = createHub({ initial, persist: async (show) => void saved.push(show) });
    return { hub, saved };
  }

  it('takes a graphic out by itself when its item’s auto-out is over, and saves that like any command', async () => {
    const { hub, saved } = hubWith(emptyShow());
    const timers = startAutoOutTimers(hub);
    await hub.submit(Command.parse({ type: 'rundown.add', item: { group: 'Studio', graphic: cram, autoOutS: 5 } }));
    await hub.submit(Command.parse({ type: 'take', graphic: cram, itemId: hub.store.getState().rundown[0]!.id }));
    expect(hub.store.getState().onAir.lowerThird?.outAt).toBe(1_005_000);
    await vi.advanceTimersByTimeAsync(4999);
    expect(hub.store.getState().onAir.lowerThird).toBeDefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(hub.store.getState().onAir).toEqual({});
    expect(saved.at(-1)?.onAir).toEqual({});
    timers.stop();
  });

  it('leaves a newer take on the layer alone when the old one’s time comes', async () => {
    const { hub } = hubWith(emptyShow());
    const timers = startAutoOutTimers(hub);
    await hub.submit(Command.parse({ type: 'rundown.add', item: { group: 'Studio', graphic: cram, autoOutS: 5 } }));
    await hub.submit(Command.parse({ type: 'take', graphic: cram }));
    await hub.submit(Command.parse({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Paula Radcliffe', role: '' } } }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hub.store.getState().onAir.lowerThird?.graphic.props).toEqual({ name: 'Paula Radcliffe', role: '' });
    timers.stop();
  });

  it('sets its timers again from a show loaded with graphics on air (a restart), firing at once for a time already past', async () => {
    const show = emptyShow();
    const onAir = { id: 'g7', layer: 'lowerThird', graphic: cram, takenAt: 990_000, updatedAt: 990_000, outAt: 999_000 } as const;
    const later = { id: 'g8', layer: 'centre', graphic: { kind: 'nameCard', props: { name: 'Paula Radcliffe', role: '' } }, takenAt: 990_000, updatedAt: 990_000, outAt: 1_003_000 } as const;
    const { hub } = hubWith({ ...show, onAir: { lowerThird: onAir, centre: later } });
    const timers = startAutoOutTimers(hub);
    await vi.advanceTimersByTimeAsync(0);
    expect(Object.keys(hub.store.getState().onAir)).toEqual(['centre']);
    await vi.advanceTimersByTimeAsync(3000);
    expect(hub.store.getState().onAir).toEqual({});
    timers.stop();
  });
});
