import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOgraf } from '../scripts/buildOgraf';
import { STORY, storyPhases } from '../src/gallery/storyboard';
import { graphicSamples } from '../src/graphics/graphicSamples';
import { defaultData, PACKAGE_KINDS, packageId } from '../src/ograf/packageData';
import { contractOf, type GraphicKind } from '../src/protocol/graphicSpec';
import finishline from '../templates/themes/finishline.json';
import { crop, launchBrowser, opaqueBounds, type Frame } from './harness/browser';
import { compareGolden } from './harness/golden';
import { ografValidator } from './harness/ografSchemas';
import { startStaticServer, type StaticServer } from './harness/staticServer';
import { steadyGrabber, type SteadyGrabber } from './harness/steadyGrab';

// The OGraf packages and CasparCG templates as `npm run build:ograf` writes them, served from dist/ and driven
// in one Chromium page each: the minimal host page (dist/ograf/host.html) loads every package from its folder
// and runs a conformance checker's sequence on it; non-real-time goToTime frames are compared with the output's
// golden images; a CasparCG template is driven as CasparCG drives it (XML update, play, stop).

type Payload = { statusCode: number; statusMessage?: string; currentStep?: number };

let server: StaticServer;
let browser: Browser;
let host: Page;
/** The host page's grabs: one transparent background for the file's run (the host page is never navigated again). */
let hostGrabber: SteadyGrabber | undefined;
const hostGrab = (clip?: { x: number; y: number; width: number; height: number }) => hostGrabber!.grab(clip);
const pageErrors: string[] = [];
/** Console errors (a flag or font that failed to load is logged) and requests leaving the server, in the host page. */
const consoleErrors: string[] = [];
const external: string[] = [];

beforeAll(async () => {
  await buildOgraf({ quiet: true });
  [server, browser] = await Promise.all([startStaticServer(), launchBrowser()]);
  host = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  host.on('pageerror', (error) => pageErrors.push(error.message));
  host.on('console', (message) => message.type() === 'error' && !message.location().url.endsWith('/favicon.ico') && consoleErrors.push(message.text()));
  host.on('request', (request) => !request.url().startsWith(server.url) && !request.url().startsWith('data:') && external.push(request.url()));
  await host.goto(`${server.url}/ograf/host.html`);
  await host.waitForFunction(() => 'ografHost' in window);
  hostGrabber = await steadyGrabber(host);
}, 180_000);

afterAll(async () => {
  await hostGrabber?.release();
  await browser?.close();
  await server?.close();
});

/** Calls a graphic's method in the host page; as a conformance checker does, fails one that takes over 3 s to resolve. */
async function call(key: string, method: string, params?: unknown): Promise<Payload> {
  return host.evaluate(
    async ([key, method, params]) => {
      const host = (window as unknown as { ografHost: { call(k: string, m: string, p: unknown): Promise<{ result: Payload }> } }).ografHost;
      const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${method} did not resolve within 3 s`)), 3000));
      return (await Promise.race([host.call(key, method, params), late])).result;
    },
    [key, method, params] as const,
  );
}

const open = (id: string, key = id) => host.evaluate(([id, key]) => (window as unknown as { ografHost: { open(i: string, k: string): Promise<unknown> } }).ografHost.open(id, key), [id, key] as const);
const regionOf = (kind: GraphicKind) => finishline.regions[contractOf(kind).layer];

/** Rounds of kinds, no two in a round on the same layer (a kind sharing a layer with an earlier one goes on in a later round). */
function roundsByLayer(kinds: readonly GraphicKind[]): GraphicKind[][] {
  const rounds: GraphicKind[][] = [];
  for (const kind of kinds) {
    const round = rounds.find((r) => r.every((k) => contractOf(k).layer !== contractOf(kind).layer));
    if (round) round.push(kind);
    else rounds.push([kind]);
  }
  return rounds;
}

/** A copy of a frame with the given regions made transparent. */
function maskRegions(frame: Frame, regions: { x: number; y: number; width: number; height: number }[]): Frame {
  const data = Buffer.from(frame.data);
  for (const r of regions) for (let y = r.y; y < r.y + r.height; y++) data.fill(0, (y * frame.width + r.x) * 4, (y * frame.width + r.x + r.width) * 4);
  return { ...frame, data };
}

/** A partial update per kind: one field changed. */
const PARTIAL: Record<GraphicKind, Record<string, unknown>> = {
  nameCard: { name: 'Paula Radcliffe' },
  raceClock: { raceIds: ['elite-men'] },
  splitBanner: { metres: 10_000 },
  projectionTicker: { theme: 'night' },
  athleteProfile: { age: 33 },
  resultCard: { note: 'Course record' },
  statCard: { value: 40_000 },
  crawl: { label: 'LONDON' },
  leaderboard: { top: 5 },
  gap: { raceId: 'elite-men' },
  athleteSplits: { bib: '1' },
};

describe('OGraf packages', () => {
  it('every package folder has a manifest valid against the EBU OGraf v1 schemas, naming its module beside it', () => {
    const { manifestErrors } = ografValidator();
    for (const kind of PACKAGE_KINDS) {
      const id = packageId(kind);
      const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, `../dist/ograf/${id}/${id}.ograf.json`), 'utf8')) as { id: string; main: string };
      expect(manifestErrors(manifest), id).toEqual([]);
      expect(manifest.id).toBe(id);
      expect(readFileSync(resolve(import.meta.dirname, `../dist/ograf/${id}/${manifest.main}`), 'utf8')).toContain('export default');
    }
  });

  it('each kind passes the conformance sequence (load without data, update, play, stop, dispose, each in 3 s), drawing only while on', { timeout: 120_000 }, async () => {
    // Rounds of kinds on different layers, each round's graphics side by side on the one page, so each
    // step runs for all of them at once (as a host with several graphics on air would).
    const rounds = roundsByLayer(PACKAGE_KINDS);
    for (const kinds of rounds) {
      const ids = kinds.map(packageId);
      await Promise.all(ids.map((id) => open(id)));
      const all = (method: string, params: (kind: GraphicKind) => unknown) => Promise.all(kinds.map((kind) => call(packageId(kind), method, params(kind))));
      // Loads one after another (each fetches its own fonts' files at first); then every step for all at once.
      for (const id of ids) expect(await call(id, 'load', {}), `${id} load`).toMatchObject({ statusCode: 200 });
      expect(await all('updateAction', (kind) => ({ data: PARTIAL[kind] }))).toEqual(kinds.map(() => ({ statusCode: 200, statusMessage: 'OK' })));
      // The payload exactly: a current step while on, no `result`.
      expect(await all('playAction', () => ({}))).toEqual(kinds.map(() => ({ statusCode: 200, statusMessage: 'OK', currentStep: 0 })));
      const on = await hostGrab();
      for (const kind of kinds) expect(opaqueBounds(crop(on, regionOf(kind))), `${kind} drawn in its region once played`).not.toBeNull();
      const drawnRegions = kinds.map((kind) => regionOf(kind));
      const outside = opaqueBounds(maskRegions(on, drawnRegions));
      expect(outside, 'nothing drawn outside the graphics’ regions').toBeNull();
      expect(await all('stopAction', () => ({}))).toEqual(kinds.map(() => ({ statusCode: 200, statusMessage: 'OK' })));
      expect(opaqueBounds(await hostGrab()), `${kinds.join(', ')} gone once stopped`).toBeNull();
      expect(await all('dispose', () => ({}))).toEqual(kinds.map(() => ({ statusCode: 200, statusMessage: 'OK' })));
    }
    expect(pageErrors).toEqual([]);
    // Fonts and flags (the result card's and athlete profile's) came from the package folders, all of them.
    expect(consoleErrors).toEqual([]);
    expect(external).toEqual([]);
  });

  it('refuses actions before load, a second load at once and data failing the props schema with a 4xx naming the field, changing nothing', { timeout: 60_000 }, async () => {
    const id = packageId('nameCard');
    await open(id, 'bad');
    for (const method of ['playAction', 'stopAction', 'updateAction', 'customAction', 'goToTime', 'setActionsSchedule']) {
      expect(await call('bad', method, { data: { name: 'X' } }), method).toEqual({ statusCode: 409, statusMessage: 'The graphic is not loaded: call load() and wait for it to resolve first' });
    }
    const [first, second] = await host.evaluate(async () => {
      const element = (window as unknown as { ografHost: { graphics: Record<string, { load(p: unknown): Promise<Payload> }> } }).ografHost.graphics.bad!;
      return Promise.all([element.load({ data: { name: 'Steve Cram', role: 'BBC' } }), element.load({})]);
    });
    expect(first.statusCode).toBe(200);
    expect(second).toEqual({ statusCode: 409, statusMessage: 'The graphic is already loading: wait for the first load() to resolve' });
    expect(await call('bad', 'playAction', { skipAnimation: true })).toEqual({ statusCode: 200, statusMessage: 'OK', currentStep: 0 });
    const before = await hostGrab();
    expect(await call('bad', 'updateAction', { data: { name: '', quote: 'x'.repeat(300) } })).toEqual({
      statusCode: 400,
      statusMessage: 'name: is required; quote: Too big: expected string to have <=240 characters',
    });
    expect(await call('bad', 'updateAction', { data: { nmae: 'Steve' } })).toEqual({ statusCode: 400, statusMessage: 'Unrecognized key: "nmae"' });
    expect(await call('bad', 'updateAction', { data: 'Steve' })).toMatchObject({ statusCode: 400, statusMessage: expect.stringMatching(/^data: /) });
    expect(await call('bad', 'playAction', { goto: 'next' })).toEqual({ statusCode: 400, statusMessage: 'goto: give a step number (0 is the first), not "next"' });
    expect(await call('bad', 'customAction', { id: 'startRace', payload: {} })).toEqual({ statusCode: 404, statusMessage: 'No custom action "startRace": this graphic has none' });
    expect((await hostGrab()).data.equals(before.data), 'the graphic is unchanged').toBe(true);
    // Past the one step is the end: the graphic goes off and the payload has no currentStep.
    expect(await call('bad', 'playAction', { delta: 1, skipAnimation: true })).toEqual({ statusCode: 200, statusMessage: 'OK' });
    expect(opaqueBounds(await hostGrab())).toBeNull();
    expect(await call('bad', 'dispose', {})).toEqual({ statusCode: 200, statusMessage: 'OK' });
    expect(await call('bad', 'playAction', {})).toEqual({ statusCode: 409, statusMessage: 'The graphic has been disposed' });
    // An element never attached to the page, loaded with nothing at all (no params): it falls back to 1080p.
    const detached = await host.evaluate(async () => {
      const Graphic = customElements.get('ograf-finishline-name-card')!;
      const element = new Graphic() as HTMLElement & Record<string, (p?: unknown) => Promise<Payload>>;
      const loaded = await element.load!();
      const played = await element.playAction!({});
      const canvas = element.querySelector('canvas');
      const disposed = await element.dispose!({});
      return { loaded: loaded.statusCode, played, disposed, attached: element.isConnected, canvasWidth: canvas?.width };
    });
    expect(detached).toEqual({ loaded: 200, played: { statusCode: 200, statusMessage: 'OK', currentStep: 0 }, disposed: { statusCode: 200, statusMessage: 'OK' }, attached: false, canvasWidth: finishline.regions.lowerThird.width });
    // A renderer size that is not 16:9 is refused, as on the output page, not drawn pinned to the top-left; a 16:9 one then loads.
    const sized = await host.evaluate(async () => {
      const Graphic = customElements.get('ograf-finishline-name-card')!;
      const element = new Graphic() as HTMLElement & Record<string, (p?: unknown) => Promise<Payload>>;
      const load = (width: number, height: number) => element.load!({ renderCharacteristics: { resolution: { width, height } } });
      const refused = await load(1440, 1080);
      const canvases = element.querySelectorAll('canvas').length;
      const loaded = (await load(1280, 720)).statusCode;
      await element.dispose!({});
      return { refused, canvases, loaded };
    });
    expect(sized).toEqual({
      refused: {
        statusCode: 400,
        statusMessage: 'renderCharacteristics.resolution: 1440x1080 is not 16:9: graphics are designed at 1920x1080 and scaled to a 16:9 picture, e.g. 1280x720, 1920x1080 or 3840x2160',
      },
      canvases: 0,
      loaded: 200,
    });
    expect(pageErrors).toEqual([]);
  });

  it('draws the output’s golden frame at any time in non-real time, forwards and back (goToTime over a schedule)', { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    for (const [kind, sampleName] of [['nameCard', 'commentator'], ['raceClock', 'two-races'], ['crawl', 'london']] as const) {
      const sample = graphicSamples[kind]!.find((s) => s.name === sampleName)!;
      const { races, crawl } = sample.show ?? {};
      const data = { ...sample.graphic.props, ...(races ? { races } : {}), ...(crawl ? { items: crawl.items, running: crawl.running, speedPxPerS: crawl.speedPxPerS } : {}) };
      const key = `nrt-${kind}`;
      await open(packageId(kind), key);
      expect(await call(key, 'load', { data, renderType: 'non-realtime', v_renderer: 'canvas' })).toMatchObject({ statusCode: 200 });
      const schedule = [
        { timestamp: STORY.take, action: { type: 'playAction', params: {} } },
        { timestamp: STORY.update, action: { type: 'updateAction', params: { data: sample.update!.props } } },
        { timestamp: STORY.clear, action: { type: 'stopAction', params: {} } },
      ];
      expect(await call(key, 'setActionsSchedule', { schedule })).toEqual({ statusCode: 200, statusMessage: 'OK' });
      const phases = storyPhases(finishline.timing);
      // Forwards through every phase, then back to the first (a rewind replays the schedule).
      for (const { phase, t } of [...phases, phases[0]!]) {
        expect(await call(key, 'goToTime', { timestamp: t })).toEqual({ statusCode: 200, statusMessage: 'OK' });
        const result = compareGolden(await hostGrab(regionOf(kind)), `${kind}/${sampleName}.${phase}.canvas`);
        if (!result.ok) failures.push(`goToTime(${t}): ${result.message}`);
      }
      await call(key, 'goToTime', { timestamp: STORY.end });
      expect(opaqueBounds(await hostGrab(regionOf(kind))), `${kind}: nothing after the exit`).toBeNull();
      expect(await call(key, 'dispose', {})).toMatchObject({ statusCode: 200 });
    }
    expect(failures).toEqual([]);
  });
});

describe('CasparCG and SPX templates', () => {
  it('a template takes CasparCG’s XML templateData, plays, refuses a bad field by name and stops, on the canvas renderer', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const logged: string[] = [];
    page.on('console', (message) => message.type() === 'error' && logged.push(message.text()));
    await page.goto(`${server.url}/casparcg/${packageId('nameCard')}.html?renderer=canvas`);
    const grabber = await steadyGrabber(page);
    type Template = { update(d: unknown): Promise<Payload>; play(): Promise<Payload>; stop(): Promise<Payload>; finishlineTemplate: { ready: Promise<Payload> } };
    const fields = await page.evaluate(() => (window as unknown as { SPXGCTemplateDefinition: { DataFields: { field: string }[] } }).SPXGCTemplateDefinition.DataFields.map((f) => f.field));
    expect(fields).toEqual(['name', 'role', 'quote', 'theme']);
    const { props } = graphicSamples.nameCard![0]!.graphic as { props: { name: string; role: string } };
    // f0 is the first field (name); the role by its own name, as CasparCG clients send either.
    const xml = `<templateData><componentData id="f0"><data id="text" value="${props.name}"/></componentData><componentData id="role"><data id="text" value="${props.role}"/></componentData></templateData>`;
    const played = await page.evaluate(async (xml) => {
      const w = window as unknown as Template;
      const updated = await w.update(xml);
      return [updated, await w.play()];
    }, xml);
    expect(played).toEqual([{ statusCode: 200, statusMessage: 'OK' }, { statusCode: 200, statusMessage: 'OK', currentStep: 0 }]);
    const onAir = await grabber.grab();
    const golden = compareGolden(crop(onAir, regionOf('nameCard')), 'nameCard/commentator.on-air.canvas');
    expect(golden.ok ? '' : golden.message).toBe('');
    const refused = await page.evaluate(() => (window as unknown as Template).update('<templateData><componentData id="f0"><data id="text" value=""/></componentData></templateData>'));
    expect(refused).toEqual({ statusCode: 400, statusMessage: 'name: is required' });
    expect(logged).toContain('Finishline nameCard template: update: name: is required');
    expect((await grabber.grab()).data.equals(onAir.data), 'unchanged by a refused update').toBe(true);
    expect(await page.evaluate(() => (window as unknown as Template).stop())).toEqual({ statusCode: 200, statusMessage: 'OK' });
    expect(opaqueBounds(await grabber.grab())).toBeNull();
    expect(errors).toEqual([]);
    await grabber.release();
    await page.close();
  });

  it('a template reads templateData XML with the browser’s XML parser: entities decoded, malformed XML refused naming where it broke', { timeout: 60_000 }, async () => {
    type Template = { update(d: unknown): Promise<Payload>; play(): Promise<Payload> };
    // One tab for the three scenarios, each on a fresh document of the template (a navigation, not a new tab).
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const onAir = async (data: string) => {
      const logged: string[] = [];
      const onConsole = (message: import('playwright-core').ConsoleMessage) => message.type() === 'error' && logged.push(message.text());
      page.on('console', onConsole);
      await page.goto(`${server.url}/casparcg/${packageId('nameCard')}.html?renderer=canvas`);
      const statuses = await page.evaluate(async (data) => {
        const w = window as unknown as Template;
        return [await w.update(data), await w.play()];
      }, data);
      const grabber = await steadyGrabber(page);
      const frame = await grabber.grab();
      await grabber.release();
      page.off('console', onConsole);
      return { statuses, frame, logged };
    };
    const fromXml = await onAir('<templateData><componentData id="name"><data id="text" value="Gonz&#225;lez &amp; Sch&#xE4;r"/></componentData><componentData id="role"><data id="text" value="&quot;BBC&quot; &lt;One&gt;"/></componentData></templateData>');
    const fromJson = await onAir(JSON.stringify({ name: 'González & Schär', role: '"BBC" <One>' }));
    expect(fromXml.statuses.map((s) => s.statusCode)).toEqual([200, 200]);
    expect(fromJson.statuses.map((s) => s.statusCode)).toEqual([200, 200]);
    expect(fromXml.frame.data.equals(fromJson.frame.data), 'the XML draws what the same text as JSON draws').toBe(true);

    // The closing </componentData> is missing: the element is there, the XML is broken.
    const malformed = await onAir('<templateData><componentData id="name"><data id="text" value="broken"/></templateData>');
    // Chromium's (libxml2's) words after the place: "Unexpected closing tag: templateData != componentData".
    const message = malformed.statuses[0]!.statusMessage!;
    expect(malformed.statuses[0]!.statusCode).toBe(400);
    expect(message).toMatch(/^the templateData is not well-formed XML: error on line 1 at column 86: .*templateData/);
    expect(malformed.logged).toContain(`Finishline nameCard template: update: ${message}`);
    expect(malformed.statuses[1]!.statusCode, 'nothing accepted, nothing played').toBe(409);
    expect(opaqueBounds(malformed.frame)).toBeNull();
    await page.close();
  });

  it('the crawl template, like every other, is not played before it has accepted data: no empty strip on air', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/casparcg/${packageId('crawl')}.html?renderer=canvas`);
    const grabber = await steadyGrabber(page);
    type Template = { update(d: unknown): Promise<Payload>; play(): Promise<Payload> };
    const refusal = { statusCode: 409, statusMessage: 'Not played: this template has no accepted data yet (items: none given); send its data first (CG ADD with data, or CG UPDATE)' };
    expect(await page.evaluate(() => (window as unknown as Template).play())).toEqual(refusal);
    expect(opaqueBounds(await grabber.grab()), 'no strip without data').toBeNull();
    // Items without their id and kind are refused; play is still refused after it.
    const [refused, played] = await page.evaluate(async () => {
      const w = window as unknown as Template;
      return [await w.update('<templateData><componentData id="items"><data id="text" value="[{&quot;text&quot;:&quot;x&quot;}]"/></componentData></templateData>'), await w.play()];
    });
    expect(refused.statusCode).toBe(400);
    expect(played).toEqual(refusal);
    expect(opaqueBounds(await grabber.grab()), 'no strip after a refused update').toBeNull();
    // Accepted items play.
    const items = JSON.stringify(defaultData('crawl').items);
    const ok = await page.evaluate(async (items) => {
      const w = window as unknown as Template;
      return [await w.update(JSON.stringify({ label: 'LONDON', items })), await w.play()];
    }, items);
    expect(ok.map((s) => s.statusCode)).toEqual([200, 200]);
    expect(opaqueBounds(await grabber.grab())).not.toBeNull();
    await grabber.release();
    await page.close();
  });

  it('a template whose first data was refused does not play its sample: play is refused until data is accepted', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/casparcg/${packageId('nameCard')}.html?renderer=canvas`);
    type Template = { update(d: unknown): Promise<Payload>; play(): Promise<Payload> };
    const grabber = await steadyGrabber(page);
    const tooLong = 'N'.repeat(81);
    const [refused, played] = await page.evaluate(async (name) => {
      const w = window as unknown as Template;
      return [await w.update(JSON.stringify({ name, role: 'Marathon world record holder' })), await w.play()];
    }, tooLong);
    expect(refused.statusCode).toBe(400);
    expect(played).toEqual({
      statusCode: 409,
      statusMessage: 'Not played: this template has no accepted data yet (name: is required); send its data first (CG ADD with data, or CG UPDATE)',
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(opaqueBounds(await grabber.grab()), 'nothing on air: not the sample').toBeNull();
    // Accepted data then plays.
    const ok = await page.evaluate(async () => {
      const w = window as unknown as Template;
      return [await w.update(JSON.stringify({ name: 'Dennis Kimetto' })), await w.play()];
    });
    expect(ok.map((s) => s.statusCode)).toEqual([200, 200]);
    await grabber.release();
    await page.close();
  });
});
