import { resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockText } from '../src/graphics/raceClock/raceClockModel';
import { startCompanionModule, type CompanionModuleProcess } from './harness/companionHost';
import { startHub, type HubProcess } from './harness/hubProcess';
import { openClient } from './harness/rawClients';

const folder = resolve(import.meta.dirname, '../integrations/companion');
let hub: HubProcess;
let module: CompanionModuleProcess;

/** Feedback instances placed on buttons, as Companion sends them to the module. */
const placed = {
  r1OnAir: { feedbackId: 'item_on_air', options: { item: 'r1' } },
  r2OnAir: { feedbackId: 'item_on_air', options: { item: 'r2' } },
  r1Cued: { feedbackId: 'item_cued', options: { item: 'r1' } },
  r2Cued: { feedbackId: 'item_cued', options: { item: 'r2' } },
  connected: { feedbackId: 'hub_connected', options: {} },
  outputProblem: { feedbackId: 'output_problem', options: {} },
  armed: { feedbackId: 'clear_all_armed', options: {} },
  crawl: { feedbackId: 'crawl_running', options: {} },
};
type Placed = keyof typeof placed;

let pressed = 0;
/** Presses a button: Companion's executeAction, answered with { success, errorMessage }. */
function press(actionId: string, options: Record<string, unknown> = {}) {
  return module.call('executeAction', { action: { id: `a${++pressed}`, controlId: `bank:${pressed}`, actionId, options, upgradeIndex: null, disabled: false }, surfaceId: undefined });
}
const feedback = (id: Placed) => module.feedbacks()[id];
const variable = (id: string) => module.variables()[id];
const tally = (id: Placed, value: boolean) => module.until(`${id} to be ${value}`, () => feedback(id) === value);

beforeAll(async () => {
  hub = await startHub();
  // What Companion loads: the bundle `npm run build:companion` makes, started the way Companion starts it.
  await build({ configFile: resolve(folder, 'vite.config.mts') });
  module = await startCompanionModule(resolve(folder, 'dist/main.js'), resolve(folder, 'companion/manifest.json'));
  await module.call('init', { label: 'finishline', isFirstInit: false, config: { host: '127.0.0.1', port: hub.port }, secrets: { token: hub.token }, lastUpgradeIndex: -1, feedbacks: {}, actions: {} });
  const feedbacks = Object.fromEntries(Object.entries(placed).map(([id, f]) => [id, { id, controlId: `bank:${id}`, ...f, isInverted: false, upgradeIndex: null, disabled: false }]));
  await module.call('updateFeedbacks', { feedbacks });
});
afterAll(async () => {
  await module?.stop();
  await hub?.kill();
});

describe('the Companion module, run as Companion runs it, against a real hub', () => {
  it('connects with the token and defines its actions, feedbacks, variables and presets from the open show', async () => {
    await module.until('status ok', () => module.status()?.status === 'ok');
    await tally('connected', true);
    // The hub's welcome (connected) comes before its snapshot (the show's variables).
    await module.until('the show name', () => variable('show_name') === 'London Marathon 2016');
    const { revision } = await hub.state();
    await module.until('the revision', () => variable('revision') === revision);
    const actions = module.received('setActionDefinitions').at(-1).actions;
    expect(actions.map((a: { id: string }) => a.id)).toEqual(['take', 'update', 'clear_item', 'cue', 'cue_item', 'clear_layer', 'clear_all', 'start_race', 'race_graphic', 'crawl_run']);
    const take = actions.find((a: { id: string }) => a.id === 'take');
    expect(take.options[0].choices).toContainEqual({ id: 'r1', label: 'r1: Commentators · Steve Cram' });
    const presets = module.received('setPresetDefinitions').at(-1).presets.map((p: { id: string }) => p.id);
    for (let i = 1; i <= 35; i++) expect(presets).toContain(`take_r${i}`);
    for (const race of ['elite-men', 'elite-women', 'wheelchair-men', 'wheelchair-women', 'mass']) expect(presets).toContain(`start_${race}`);
    expect(variable('race_elite_men_split')).toBe('HALFWAY 1:01:24');
  });

  it('takes a rundown item on a press: the hub puts it on air, and its tally turns red', async () => {
    expect(await press('take', { item: 'r1' })).toEqual({ success: true });
    expect((await hub.state()).onAir.lowerThird).toMatchObject({ itemId: 'r1', graphic: { props: { name: 'Steve Cram' } } });
    await tally('r1OnAir', true);
    expect(feedback('r2OnAir')).toBe(false);
    await module.until('on_air_lower_third', () => variable('on_air_lower_third') === 'Steve Cram');
  });

  it('follows a take made by another client: the tally moves to that item', async () => {
    const { rundown } = await hub.state();
    expect((await hub.post({ type: 'take', graphic: rundown[1].graphic, itemId: 'r2' })).status).toBe(200);
    await tally('r2OnAir', true);
    await tally('r1OnAir', false);
    expect(variable('on_air_lower_third')).toBe('Brendan Foster');
    expect(variable('revision')).toBe((await hub.state()).revision);
  });

  it('moves its cue with next and previous (green tally), takes, updates and clears the cued item', async () => {
    await press('cue', { to: 'first' });
    await tally('r1Cued', true);
    await press('cue', { to: 'next' });
    await tally('r2Cued', true);
    await tally('r1Cued', false);
    expect(variable('cued')).toBe('Brendan Foster');
    await press('cue', { to: 'previous' });
    await tally('r1Cued', true);
    expect(await press('take', { item: '$cued' })).toEqual({ success: true });
    expect((await hub.state()).onAir.lowerThird.itemId).toBe('r1');
    expect(await press('update', { item: '$cued' })).toEqual({ success: true });
    expect(await press('clear_item', { item: '$cued' })).toEqual({ success: true });
    expect((await hub.state()).onAir.lowerThird).toBeUndefined();
    await tally('r1OnAir', false);
  });

  it('passes on the hub’s refusal as a failed action, and refuses what names nothing, changing nothing', async () => {
    const before = await hub.state();
    expect(await press('clear_layer', { layer: 'centre' })).toEqual({ success: false, errorMessage: 'Nothing is on air on Centre' });
    expect(await press('clear_item', { item: 'r1' })).toEqual({ success: false, errorMessage: 'Commentators · Steve Cram is not on air' });
    expect(await press('take', { item: 'r999' })).toMatchObject({ success: false, errorMessage: expect.stringMatching(/^No rundown item "r999" in the show "London Marathon 2016"/) });
    expect(await press('race_graphic', { race: 'wheelchair-men', graphic: 'splitBanner' })).toEqual({ success: false, errorMessage: 'WHEELCHAIR MEN has no splits yet: enter one in race control first' });
    expect(await hub.state()).toEqual(before);
  });

  it('clears all only on a second press, and says it is armed in between', async () => {
    await press('take', { item: 'r3' });
    await press('clear_layer', { layer: 'lowerThird' });
    expect(await press('take', { item: 'r29' })).toEqual({ success: true });
    expect(await press('clear_all')).toEqual({ success: true });
    await tally('armed', true);
    expect(Object.keys((await hub.state()).onAir)).toEqual(['centre']);
    expect(await press('clear_all')).toEqual({ success: true });
    expect((await hub.state()).onAir).toEqual({});
    await tally('armed', false);
  });

  it('starts a race, shows its clock as the race clock graphic does, second by second, and puts its graphics to air', async () => {
    expect(await press('start_race', { race: 'wheelchair-men' })).toEqual({ success: true });
    const race = (await hub.state()).races.find((r: { id: string }) => r.id === 'wheelchair-men');
    expect(race.gunTime).toEqual(expect.any(Number));
    // Put the gun an hour back (the hub's own clock): the button reads what the graphic reads at that time,
    // give or take the module's clock offset (estimated from ping round trips, so within one of them).
    const { hubTime } = await (await fetch(`${hub.url}/api/health`)).json();
    await hub.post({ type: 'setGunTime', raceId: 'wheelchair-men', gunTime: hubTime - 3_723_000 });
    await module.until('the clock an hour on', () => String(variable('race_wheelchair_men_clock')).startsWith('1:02:'));
    const shown = variable('race_wheelchair_men_clock') as string;
    const row = { id: 'wheelchair-men', name: 'WHEELCHAIR MEN', gunTime: hubTime - 3_723_000, finishedAt: null };
    expect([-1000, 0, 1000, 2000, 3000].map((ms) => clockText(row, hubTime + ms))).toContain(shown);
    await module.until('the next second', () => variable('race_wheelchair_men_clock') !== shown);
    expect(await press('race_graphic', { race: 'elite-men', graphic: 'splitBanner' })).toEqual({ success: true });
    expect(await press('race_graphic', { race: 'elite-men', graphic: 'projectionTicker' })).toEqual({ success: true });
    expect(await press('race_graphic', { race: 'wheelchair-men', graphic: 'raceClock' })).toEqual({ success: true });
    const { onAir } = await hub.state();
    expect(onAir.banner.graphic).toEqual({ kind: 'splitBanner', props: { raceId: 'elite-men', metres: 21097.5 } });
    expect(onAir.ticker.graphic).toEqual({ kind: 'projectionTicker', props: { raceId: 'elite-men' } });
    expect(onAir.clock.graphic).toEqual({ kind: 'raceClock', props: { raceIds: ['wheelchair-men'] } });
  });

  it('runs and stops the crawl', async () => {
    await press('take', { item: 'r35' });
    expect(await press('crawl_run', { mode: 'stop' })).toEqual({ success: true });
    expect((await hub.state()).crawl.running).toBe(false);
    await tally('crawl', false);
    expect(await press('crawl_run', { mode: 'toggle' })).toEqual({ success: true });
    expect((await hub.state()).crawl.running).toBe(true);
    await tally('crawl', true);
  });

  it('flags output health until an output reports drawing the show', async () => {
    await press('clear_all');
    await press('clear_all');
    await tally('outputProblem', true);
    expect(variable('output_health')).toBe('No output is connected to the hub');
    const output = await openClient(hub.port, '?role=output&name=Main');
    const { revision } = await hub.state();
    const report = { type: 'rendered', revision, renderer: 'canvas', requestedRenderer: 'auto', rendererReason: '', width: 1920, height: 1080, fps: 0, droppedFrames: 0, onAir: [], page: 'output' };
    output.socket.send(JSON.stringify(report));
    await tally('outputProblem', false);
    expect(variable('output_health')).toBe('OK: 1 output(s)');
    output.close();
    await module.until('the output gone', () => variable('output_health') === 'No output is connected to the hub');
    await tally('outputProblem', true);
  });

  it('shows the hub going away and coming back (it reconnects by itself), and a refused token', async () => {
    await hub.kill();
    await module.until('status disconnected', () => module.status()?.status === 'disconnected');
    await tally('connected', false);
    expect(await press('clear_all')).toEqual({ success: true }); // arming is the module's own
    expect(await press('clear_all')).toEqual({ success: false, errorMessage: 'Not connected to the hub; nothing was sent' });
    await hub.restart();
    await module.until('status ok again', () => module.status()?.status === 'ok', 15_000);
    await tally('connected', true);
    expect(variable('revision')).toBe((await hub.state()).revision);

    await module.call('updateConfigAndLabel', { label: 'finishline', config: { host: '127.0.0.1', port: hub.port }, secrets: { token: 'wrong' } });
    await module.until('status authentication_failure', () => module.status()?.status === 'authentication_failure');
    await module.until('the show again', () => variable('show_name') === 'London Marathon 2016');
    expect(await press('take', { item: 'r1' })).toMatchObject({ success: false, errorMessage: expect.stringMatching(/read-only/) });
    expect((await hub.state()).onAir).toEqual({});
  });
});
