import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateManifest } from '@companion-module/base';
import { describe, expect, it } from 'vitest';
import type { OutputStatus } from '../../../src/protocol/messages';
import { actionDefinitions } from './actions';
import { hubSocketUrl } from './config';
import { definitionsKey } from './definitionsKey';
import { feedbackActive, feedbackDefinitions } from './feedbacks';
import { emptyView, moduleStatus } from './moduleView';
import { CUED } from './options';
import { presetDefinitions } from './presets';
import { demoView } from './testShow';
import { changedValues, variableDefinitions, variableValues } from './variables';

const GUN = 1_461_488_400_000; // elite men, demo show

function withR1OnAir(cueId: string | null = null) {
  const view = demoView({ cueId });
  const item = view.show!.rundown[0]!;
  return { ...view, show: { ...view.show!, onAir: { lowerThird: { id: 'g1', layer: 'lowerThird' as const, graphic: item.graphic, takenAt: 0, updatedAt: 0, itemId: 'r1' } } } };
}

describe('feedbacks', () => {
  it('light an item red while it is on air and green while it is cued', () => {
    const view = withR1OnAir('r2');
    const active = (id: string, item: string) => feedbackActive(id, { item }, view, GUN, 0);
    expect([active('item_on_air', 'r1'), active('item_on_air', 'r2'), active('item_cued', 'r1'), active('item_cued', 'r2')]).toEqual([true, false, false, true]);
    expect(active('item_on_air', CUED)).toBe(false);
    expect(feedbackActive('item_on_air', { item: CUED }, withR1OnAir('r1'), GUN, 0)).toBe(true);
    expect(feedbackActive('layer_on_air', { layer: 'lowerThird' }, view, GUN, 0)).toBe(true);
    expect(feedbackActive('layer_on_air', { layer: 'centre' }, view, GUN, 0)).toBe(false);
  });

  it('say the hub is connected only as an operator, and flag output health until an output draws the show', () => {
    expect(feedbackActive('hub_connected', {}, demoView(), 0, 0)).toBe(true);
    expect(feedbackActive('hub_connected', {}, demoView({ role: 'viewer' }), 0, 0)).toBe(false);
    expect(feedbackActive('hub_connected', {}, demoView({ connection: 'closed' }), 0, 0)).toBe(false);
    const view = demoView();
    expect(feedbackActive('output_problem', {}, view, 10_000, 0)).toBe(true);
    const report = { type: 'rendered' as const, revision: 0, renderer: 'canvas' as const, requestedRenderer: 'auto' as const, rendererReason: '', width: 1920, height: 1080, fps: 0, droppedFrames: 0, mode: 'alpha' as const, alpha: 'premultiplied' as const, targetFps: 50, format: '1080p50', frameIntervalMs: null, onAir: [], page: 'output' };
    const output: OutputStatus = { connectionId: 'o1', name: 'Main', connected: true, connectedAt: 0, disconnectedAt: null, lastReportAt: 9_000, report };
    expect(feedbackActive('output_problem', {}, { ...view, outputs: [output] }, 10_000, 0)).toBe(false);
    expect(feedbackActive('output_problem', {}, { ...view, outputs: [{ ...output, lastReportAt: 1_000 }] }, 10_000, 0)).toBe(true);
  });

  it('show clear all armed only inside its window', () => {
    expect(feedbackActive('clear_all_armed', {}, demoView({ clearAllArmedUntil: 2000 }), 0, 1999)).toBe(true);
    expect(feedbackActive('clear_all_armed', {}, demoView({ clearAllArmedUntil: 2000 }), 0, 2001)).toBe(false);
  });

  it('are defined with their default tally colours and evaluated through `active`', () => {
    const defs = feedbackDefinitions(demoView(), (id, options) => id === 'item_on_air' && options.item === 'r1');
    expect(Object.keys(defs)).toEqual(['item_on_air', 'item_cued', 'layer_on_air', 'hub_connected', 'output_problem', 'crawl_running', 'clear_all_armed']);
    const onAir = defs.item_on_air!;
    expect(onAir.type === 'boolean' && onAir.defaultStyle.bgcolor).toBe(0xcc0000);
    expect(onAir.type === 'boolean' && onAir.callback({ type: 'boolean', id: 'f', controlId: 'c', feedbackId: 'item_on_air', options: { item: 'r1' } }, {} as never)).toBe(true);
  });
});

describe('variables', () => {
  it("compute each race's clock from its gun and the hub's time, as the race clock graphic does", () => {
    const view = demoView();
    expect(variableValues(view, GUN + 3_723_999)).toMatchObject({ race_elite_men_clock: '1:02:03', race_elite_men_split: 'HALFWAY 1:01:24', race_mass_clock: '0:00' });
    expect(variableValues(view, GUN + 3_724_000).race_elite_men_clock).toBe('1:02:04');
    expect(variableValues(view, GUN - 5_000).race_elite_men_clock).toBe('-0:05'); // counts down to the gun
    expect(variableValues(view, GUN + 36_000_000).race_elite_men_clock).toBe('2:03:05'); // finished: stands at the finish
  });

  it('name what is on air per layer and what is cued, with the revision and show', () => {
    const values = variableValues(withR1OnAir('r9'), GUN);
    expect(values).toMatchObject({ on_air_lower_third: 'Steve Cram', on_air_centre: '', cued: 'Race clocks — elite men and women', revision: 0, show_name: 'London Marathon 2016', connection: 'connected' });
    const defined = variableDefinitions(withR1OnAir()).map((v) => v.variableId);
    expect(Object.keys(values).sort()).toEqual(defined.sort());
  });

  it('send only what changed since last sent', () => {
    expect(changedValues({ a: 1, b: '1:02:03' }, new Map<string, unknown>([['a', 1], ['b', '1:02:02']]))).toEqual({ b: '1:02:03' });
  });
});

describe('status, config and definitions', () => {
  it('keeps saying disconnected while it retries after a drop, and names a refused token', () => {
    expect(moduleStatus(emptyView(), 'hub:4380').status).toBe('connecting');
    expect(moduleStatus(demoView(), 'hub:4380')).toEqual({ status: 'ok', message: null });
    expect(moduleStatus(demoView({ connection: 'connecting', wasOpen: true }), 'hub:4380')).toEqual({ status: 'disconnected', message: 'No connection to hub:4380; retrying' });
    expect(moduleStatus(demoView({ role: 'viewer' }), 'hub:4380').status).toBe('authentication_failure');
  });

  it("builds the hub's WebSocket URL with the token, or says what is wrong with the settings", () => {
    expect(hubSocketUrl({ host: '10.0.0.5', port: 4380 }, { token: 'abc' })).toEqual({ url: 'ws://10.0.0.5:4380/ws?token=abc', where: '10.0.0.5:4380' });
    expect(hubSocketUrl({ host: 'fe80::1', port: 8080 }, {})).toMatchObject({ url: 'ws://[fe80::1]:8080/ws' });
    expect(hubSocketUrl({ host: '', port: 4380 }, {})).toBe('Set the hub address in the connection settings');
    expect(hubSocketUrl({ host: 'hub', port: 70000 }, {})).toBe('The hub port must be a number from 1 to 65535, not 70000');
  });

  it('are redefined when the rundown or races change, not when something is taken', () => {
    const view = demoView();
    expect(definitionsKey(withR1OnAir().show)).toBe(definitionsKey(view.show));
    expect(definitionsKey({ ...view.show!, races: view.show!.races.slice(1) })).not.toBe(definitionsKey(view.show));
  });

  it('give presets for the demo show that only use actions and feedbacks the module defines', () => {
    const view = demoView();
    const presets = presetDefinitions(view, 'finishline');
    const actions = Object.keys(actionDefinitions(view, async () => undefined));
    const feedbacks = Object.keys(feedbackDefinitions(view, () => false));
    expect(Object.keys(presets).filter((id) => id.startsWith('take_r'))).toHaveLength(35);
    for (const [id, preset] of Object.entries(presets)) {
      if (preset?.type !== 'button') continue;
      for (const step of preset.steps) for (const action of step.down) expect(actions, id).toContain(action.actionId);
      for (const feedback of preset.feedbacks) expect(feedbacks, id).toContain(feedback.feedbackId);
    }
    expect(presets['raceClock_elite-men']).toMatchObject({ style: { text: 'CLOCK\\n$(finishline:race_elite_men_clock)' } });
  });

  it('ship a manifest Companion accepts, for the API version installed and the file the build writes', () => {
    const folder = resolve(import.meta.dirname, '..');
    const manifest = JSON.parse(readFileSync(resolve(folder, 'companion/manifest.json'), 'utf8'));
    expect(() => validateManifest(manifest, false)).not.toThrow();
    const base = JSON.parse(readFileSync(resolve(folder, '../../node_modules/@companion-module/base/package.json'), 'utf8'));
    expect(manifest.runtime.apiVersion).toBe(base.version);
    expect(resolve(folder, 'companion', manifest.runtime.entrypoint)).toBe(resolve(folder, 'dist/main.js'));
    expect(readFileSync(resolve(folder, 'vite.config.mts'), 'utf8')).toContain("entryFileNames: 'main.js'");
  });
});
