import { describe, expect, it } from 'vitest';
import { Command } from '../../protocol/command';
import { applyCommand } from '../applyCommand';
import { emptyShow, type ShowState } from '../showState';

const T0 = 1_000_000;
const cram = { kind: 'nameCard', props: { name: 'Steve Cram', role: 'Commentator' } } as const;
const foster = { kind: 'nameCard', props: { name: 'Brendan Foster', role: 'Commentator' } } as const;

function run(state: ShowState, input: unknown, now = T0): ShowState {
  const result = applyCommand(state, Command.parse(input), { now });
  if (!result.ok) throw new Error(result.error);
  return result.state;
}
function refusal(state: ShowState, input: unknown, now = T0): string {
  const result = applyCommand(state, Command.parse(input), { now });
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.error;
}

/** Cram with an 8-second auto-out (r1), Foster without one (r2). */
function rundown(): ShowState {
  let state = run(emptyShow(), { type: 'rundown.add', item: { group: 'Commentators', graphic: cram, autoOutS: 8 } });
  state = run(state, { type: 'rundown.add', item: { group: 'Commentators', graphic: foster } });
  return state;
}
const ids = (state: ShowState) => state.rundown.map((item) => item.id);

describe('auto-out', () => {
  it('keeps an item’s auto-out seconds, and refuses a duration that is not whole seconds from 1 to 3600', () => {
    expect(rundown().rundown.map((item) => item.autoOutS)).toEqual([8, undefined]);
    expect(Command.safeParse({ type: 'rundown.add', item: { group: 'G', graphic: cram, autoOutS: 0 } }).error?.issues[0]?.message).toBe('must be at least 1 second');
    expect(Command.safeParse({ type: 'rundown.add', item: { group: 'G', graphic: cram, autoOutS: 2.5 } }).error?.issues[0]?.message).toBe('must be a whole number of seconds');
  });

  it('stores the out-time in the show when an item with an auto-out is taken, and none for an item without', () => {
    const show = rundown();
    const [withOut, without] = ids(show);
    const taken = run(show, { type: 'take', graphic: cram, itemId: withOut }, T0);
    expect(taken.onAir.lowerThird).toMatchObject({ itemId: withOut, takenAt: T0, outAt: T0 + 8000 });
    const other = run(taken, { type: 'take', graphic: foster, itemId: without }, T0 + 1000);
    expect(other.onAir.lowerThird?.outAt).toBeUndefined();
  });

  it('gives a take without an itemId (Companion, race control) the auto-out of the rundown item with the same graphic', () => {
    const taken = run(rundown(), { type: 'take', graphic: cram }, T0);
    expect(taken.onAir.lowerThird?.outAt).toBe(T0 + 8000);
  });

  it('keeps the countdown running through an update of the same item, and starts afresh for another item’s update', () => {
    const show = rundown();
    const [withOut] = ids(show);
    const taken = run(show, { type: 'take', graphic: cram, itemId: withOut }, T0);
    const updated = run(taken, { type: 'update', layer: 'lowerThird', graphic: { ...cram, props: { ...cram.props, role: 'BBC' } }, itemId: withOut }, T0 + 3000);
    expect(updated.onAir.lowerThird?.outAt).toBe(T0 + 8000);
    const replaced = run(updated, { type: 'update', layer: 'lowerThird', graphic: foster }, T0 + 4000);
    expect(replaced.onAir.lowerThird?.outAt).toBeUndefined();
  });

  it('takes the graphic out when its time has come and it is still the same take, and refuses otherwise with the reason', () => {
    const show = rundown();
    const taken = run(show, { type: 'take', graphic: cram, itemId: ids(show)[0] }, T0);
    const id = taken.onAir.lowerThird!.id;
    expect(refusal(taken, { type: 'autoOut', layer: 'lowerThird', onAirId: id }, T0 + 7999)).toBe('The graphic on the lowerThird layer has no auto-out due yet; nothing was taken out');
    expect(run(taken, { type: 'autoOut', layer: 'lowerThird', onAirId: id }, T0 + 8000).onAir).toEqual({});
    const retaken = run(taken, { type: 'take', graphic: foster }, T0 + 5000);
    expect(refusal(retaken, { type: 'autoOut', layer: 'lowerThird', onAirId: id }, T0 + 9000)).toBe(`The graphic ${id} is no longer on the lowerThird layer; nothing was taken out`);
  });
});
