import { describe, expect, it } from 'vitest';
import { CLEAR_ALL_WINDOW_MS } from '../../../src/operator/hotkeys';
import { actionDefinitions, planAction } from './actions';
import { emptyView } from './moduleView';
import { CUED } from './options';
import { demoView } from './testShow';

describe('planAction', () => {
  it('takes, updates and clears a rundown item with its item id, so the tally follows', () => {
    const view = demoView();
    const item = view.show!.rundown[0]!;
    expect(planAction('take', { item: 'r1' }, view, 0)).toEqual({ kind: 'send', commands: [{ type: 'take', graphic: item.graphic, itemId: 'r1' }], done: 'Took Commentators · Steve Cram to Lower third' });
    expect(planAction('update', { item: 'r1' }, view, 0)).toMatchObject({ commands: [{ type: 'update', layer: 'lowerThird', graphic: item.graphic, itemId: 'r1' }] });
    expect(planAction('clear_item', { item: 'r1' }, view, 0)).toEqual({ kind: 'refuse', error: 'Commentators · Steve Cram is not on air' });
    const onAir = demoView({ show: { ...view.show!, onAir: { lowerThird: { id: 'g1', layer: 'lowerThird', graphic: item.graphic, takenAt: 0, updatedAt: 0, itemId: 'r1' } } } });
    expect(planAction('clear_item', { item: 'r1' }, onAir, 0)).toMatchObject({ kind: 'send', commands: [{ type: 'clear', layer: 'lowerThird' }] });
  });

  it('acts on the cued item when told to, and says so when nothing is cued', () => {
    expect(planAction('take', { item: CUED }, demoView(), 0)).toEqual({ kind: 'refuse', error: 'Nothing is cued: cue an item first (Cue next / previous, or Cue item)' });
    expect(planAction('take', { item: CUED }, demoView({ cueId: 'r9' }), 0)).toMatchObject({ commands: [{ type: 'take', itemId: 'r9', graphic: { kind: 'raceClock' } }] });
  });

  it('moves the cue in the order the panel lists the rundown, staying put at the ends', () => {
    expect(planAction('cue', { to: 'next' }, demoView(), 0)).toMatchObject({ kind: 'local', change: { cueId: 'r1' } });
    expect(planAction('cue', { to: 'next' }, demoView({ cueId: 'r1' }), 0)).toMatchObject({ change: { cueId: 'r2' } });
    expect(planAction('cue', { to: 'previous' }, demoView({ cueId: 'r1' }), 0)).toMatchObject({ change: { cueId: 'r1' } });
    expect(planAction('cue', { to: 'last' }, demoView(), 0)).toMatchObject({ change: { cueId: 'r35' } });
    expect(planAction('cue', { to: 'sideways' }, demoView(), 0)).toEqual({ kind: 'refuse', error: 'Cue where? "sideways" is not next, previous, first or last' });
  });

  it('clears all only on a second press within the arm window', () => {
    const first = planAction('clear_all', {}, demoView(), 1000);
    expect(first).toMatchObject({ kind: 'local', change: { clearAllArmedUntil: 1000 + CLEAR_ALL_WINDOW_MS } });
    const armed = demoView({ clearAllArmedUntil: 1000 + CLEAR_ALL_WINDOW_MS });
    expect(planAction('clear_all', {}, armed, 1500)).toEqual({ kind: 'send', commands: [{ type: 'clearAll' }], done: 'Cleared everything off air', change: { clearAllArmedUntil: null } });
    expect(planAction('clear_all', {}, armed, 1001 + CLEAR_ALL_WINDOW_MS)).toMatchObject({ kind: 'local' });
  });

  it("puts a race's latest split, projection or clock to air, and starts its clock", () => {
    const view = demoView();
    expect(planAction('race_graphic', { race: 'elite-men', graphic: 'splitBanner' }, view, 0)).toMatchObject({ commands: [{ type: 'take', graphic: { kind: 'splitBanner', props: { raceId: 'elite-men', metres: 21097.5 } } }] });
    expect(planAction('race_graphic', { race: 'elite-women', graphic: 'projectionTicker' }, view, 0)).toMatchObject({ commands: [{ graphic: { kind: 'projectionTicker', props: { raceId: 'elite-women' } } }] });
    expect(planAction('race_graphic', { race: 'mass', graphic: 'raceClock' }, view, 0)).toMatchObject({ commands: [{ graphic: { kind: 'raceClock', props: { raceIds: ['mass'] } } }] });
    expect(planAction('race_graphic', { race: 'mass', graphic: 'splitBanner' }, view, 0)).toEqual({ kind: 'refuse', error: 'MASS RACE has no splits yet: enter one in race control first' });
    expect(planAction('race_graphic', { race: 'mass', graphic: 'podium' }, view, 0)).toMatchObject({ kind: 'refuse', error: expect.stringMatching(/^No race graphic "podium"/) });
    expect(planAction('start_race', { race: 'mass' }, view, 0)).toMatchObject({ commands: [{ type: 'startRace', raceId: 'mass' }] });
    expect(planAction('start_race', { race: 'relay' }, view, 0)).toEqual({ kind: 'refuse', error: 'No race "relay" in the show "London Marathon 2016": pick the race again' });
  });

  it('runs, stops and toggles the crawl, and refuses a layer that is not one', () => {
    expect(planAction('crawl_run', { mode: 'toggle' }, demoView(), 0)).toMatchObject({ commands: [{ type: 'crawlRun', running: false }] });
    expect(planAction('crawl_run', { mode: 'run' }, demoView(), 0)).toMatchObject({ commands: [{ type: 'crawlRun', running: true }] });
    expect(planAction('clear_layer', { layer: 'sky' }, demoView(), 0)).toMatchObject({ kind: 'refuse', error: expect.stringMatching(/^No layer "sky": pick one of centre, lowerThird/) });
  });

  it('refuses everything that needs the show before the hub has sent one', () => {
    for (const [id, options] of [['take', { item: 'r1' }], ['cue', { to: 'next' }], ['start_race', { race: 'mass' }], ['crawl_run', { mode: 'run' }]] as const) {
      expect(planAction(id, options, emptyView(), 0), id).toMatchObject({ kind: 'refuse', error: expect.stringMatching(/^Not connected to the hub yet/) });
    }
  });
});

describe('actionDefinitions', () => {
  it("offers the show's items (and the cued one) and races in its dropdowns, and runs a press through `run`", async () => {
    const pressed: unknown[] = [];
    const defs = actionDefinitions(demoView(), async (actionId, options) => void pressed.push([actionId, options]));
    const take = defs.take!;
    const choices = (take.options[0] as { choices: { id: string }[] }).choices.map((c) => c.id);
    expect(choices).toEqual([CUED, ...Array.from({ length: 35 }, (_, i) => `r${i + 1}`)]);
    expect((defs.start_race!.options[0] as { choices: { id: string }[] }).choices.map((c) => c.id)).toEqual(['elite-men', 'elite-women', 'wheelchair-men', 'wheelchair-women', 'mass']);
    await take.callback({ id: 'a', controlId: 'c', actionId: 'take', options: { item: 'r2' }, surfaceId: undefined }, {} as never);
    expect(pressed).toEqual([['take', { item: 'r2' }]]);
  });
});
