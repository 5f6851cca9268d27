import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import theme from '../templates/themes/finishline.json';
import { crop, grab, opaqueBounds, openOutput, renderAt, renderShown } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import { openPanel } from './harness/panel';
import type { HubProcess } from './harness/hubProcess';

// A whole rehearsal from the shipped replay feed (shows/feeds/london-2016-elite.rehearsal.json) at 1000x on a
// real hub: standings drive a leaderboard on an output that updates in place, the feed's duplicate and
// correction come out as one passing, its misread chip is held, and a pull feed that is down goes stale.
let hub: HubProcess;
let browser: Browser;
useHubAndBrowser((started) => ({ hub, browser } = started));

async function command(body: unknown): Promise<number> {
  const result = await hub.post(body);
  expect(result, JSON.stringify(body)).toMatchObject({ status: 200 });
  return result.body.revision;
}
const men = async () => ((await hub.state()).races as any[]).find((r) => r.id === 'elite-men');
const feeds = async () => ((await (await fetch(`${hub.url}/api/feeds`)).json()) as { feeds: any[] }).feeds;
const pointIndex = (race: any, label: string) => race.timingPoints.findIndex((p: any) => p.label === label);
/** How many of the men have passed a timing point. */
const passedAt = async (label: string) => {
  const race = await men();
  return (race.passings ?? []).filter((row: any) => row[1] === pointIndex(race, label)).length;
};

describe('a replayed race feed', () => {
  it('runs standings to a leaderboard on air, keeps one of a duplicate, takes a correction, holds a misread chip, flags a dead feed', { timeout: 120_000 }, async () => {
    // A port nothing listens on: the results site is down.
    const closed = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => closed.once('listening', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as { port: number }).port}/results.json`;
    await new Promise((resolve) => closed.close(resolve));
    await command({ type: 'setFeedSplits', raceId: 'elite-men', feedSplits: 'direct' });
    await command({ type: 'setFeed', feed: { id: 'rehearsal', source: 'replay', file: 'london-2016-elite.rehearsal.json', speed: 1000 } });
    await command({ type: 'setFeed', feed: { id: 'results-site', source: 'pull', url: deadUrl, mapping: 'example-results.mapping.json', intervalS: 0.5, staleAfterS: 2 } });
    await command({ type: 'startFeed', feedId: 'results-site' });
    await command({ type: 'startFeed', feedId: 'rehearsal' });

    // The replay resets the demo show's finished race and plays it from its gun; once the 10K is in, put the board on air.
    await expect.poll(() => passedAt('10K'), { timeout: 30_000, interval: 100 }).toBeGreaterThan(0);
    const taken = await command({ type: 'take', graphic: { kind: 'leaderboard', props: { raceId: 'elite-men', top: 8 } } });
    const onAirId = (await hub.state()).onAir.centre.id;
    const page = await openOutput(browser, hub.url, 'canvas');
    const region = theme.regions.centre;
    const frameAt = async (revision: number) => {
      const t = (await (await fetch(`${hub.url}/api/health`)).json()).hubTime as number;
      await renderShown(page, t, revision);
      await renderAt(page, t + 3000); // past the enter or the update
      return crop(await grab(page), region);
    };
    const early = await frameAt(taken);
    expect(opaqueBounds(early), 'the leaderboard is on air').not.toBeNull();

    // At 1000x the race runs on while the page opens (seconds on a loaded machine): the board drawn first may
    // already be further on than the 10K, so the check is that it moves on from whatever it drew first.
    await expect
      .poll(async () => (await frameAt((await hub.state()).revision)).data.equals(early.data), { timeout: 30_000, interval: 200, message: 'the leaderboard moved on with the passings' })
      .toBe(false);
    expect((await hub.state()).onAir.centre.id, 'updated in place, never re-taken').toBe(onAirId);

    // The end of the men's race: every finisher in, the feed's duplicate kept once and its correction taken.
    await expect.poll(() => passedAt('FINISH'), { timeout: 30_000, interval: 200 }).toBe(8);
    const race = await men();
    const bekele20K = race.passings.filter((row: any) => row[0] === '3' && row[1] === pointIndex(race, '20K'));
    expect(bekele20K).toHaveLength(1);
    const others20K = race.passings.filter((row: any) => row[0] !== '3' && row[1] === pointIndex(race, '20K'));
    expect(bekele20K[0][2] - Math.min(...others20K.map((row: any) => row[2])), 'the correction (2 s later) replaced the first time').toBeGreaterThanOrEqual(2000);
    expect(race.held.map((h: any) => [h.bib, h.metres])).toEqual([['9', 40_000]]);
    expect(race.held[0].reason).toMatch(/^Kebede \(9\): 1:20:05 at 40K /);
    expect(race.splits.at(-1)).toMatchObject({ label: 'FINISH', elapsedMs: 7_385_000, leaders: ['Kipchoge'] });

    // Its last message (the women's last finisher) comes about 0.6 s after the men's: then the replay has finished.
    await expect.poll(async () => (await feeds()).find((f) => f.id === 'rehearsal'), { timeout: 10_000, interval: 200 }).toMatchObject({ state: 'finished', errors: [], received: 175, waiting: 0 });
    const health = await feeds();
    const dead = health.find((f) => f.id === 'results-site');
    expect(dead.state).toBe('stale');
    expect(dead.errors[0].message).toBe(`${deadUrl} could not be reached (ECONNREFUSED)`);

    // A push feed sent garbage and an unknown bib: a clear answer, nothing lost, the hub carries on.
    await command({ type: 'setFeed', feed: { id: 'push-test', source: 'push', raceId: 'elite-men' } });
    await command({ type: 'startFeed', feedId: 'push-test' });
    const push = (body: string) => fetch(`${hub.url}/api/feeds/push-test/passings`, { method: 'POST', headers: { authorization: `Bearer ${hub.token}` }, body });
    expect((await push('<html>oops')).status).toBe(400);
    const unknown = await push(JSON.stringify({ passings: [{ bib: '77', metres: 5000, elapsedMs: 900_000 }] }));
    expect(await unknown.json()).toEqual({ accepted: 0, refused: [{ row: 'passing 1 (bib 77)', reason: "bib 77 is not on ELITE MEN's start list" }] });
    expect((await men()).passings.length).toBe(race.passings.length);
    expect((await fetch(`${hub.url}/api/health`)).status).toBe(200);
    await page.close();

    // The panel's Race data card: the dead feed flagged, the held passing with its reason, accepted with a click,
    // L puts the selected race's leaderboard on air, and an athlete's Splits their splits.
    const panel = await openPanel(browser, hub, '&clock=manual');
    const card = panel.locator('#race-data');
    await expect.poll(() => card.getByRole('list', { name: 'Timing feeds' }).textContent(), { timeout: 10_000 }).toMatch(/results-site \(pull\): stale/);
    await expect.poll(() => card.getByRole('list', { name: 'Held passings' }).textContent()).toMatch(/Kebede \(9\): 1:20:05 at 40K/);
    await card.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(async () => (await men()).held).toEqual([]);
    // The card is rebuilt only where what it shows changed: a snapshot about another race, the outputs' reports and
    // the feeds' polls leave its buttons in place (a button rebuilt under the pointer loses the operator's click).
    const keep = () =>
      card.evaluate((c) =>
        [...c.querySelectorAll('button')]
          .filter((b) => b.textContent === 'Import start list…' || /^(Start|Stop) feed /.test(b.getAttribute('aria-label') ?? ''))
          .map((b) => {
            const kept = (b as unknown as { kept?: true }).kept === true;
            (b as unknown as { kept?: true }).kept = true;
            return kept;
          }),
      );
    const buttons = await keep();
    expect(buttons.length, 'Import start list… and a Start/Stop per feed').toBe(1 + (await feeds()).length);
    const women = await command({ type: 'setFeedSplits', raceId: 'elite-women', feedSplits: 'direct' });
    await panel.getByText(`revision ${women}`).waitFor();
    for (let poll = 0; poll < 2; poll++) await panel.waitForResponse((r) => r.url().endsWith('/api/feeds'));
    expect(await keep()).toEqual(buttons.map(() => true));
    await command({ type: 'clear', layer: 'centre' });
    await panel.locator('body').click({ position: { x: 5, y: 5 } });
    await panel.keyboard.press('l');
    await expect.poll(async () => (await hub.state()).onAir.centre?.graphic).toEqual({ kind: 'leaderboard', props: { raceId: 'elite-men', top: 8, page: 1 } });
    // K puts the gap (leading group against the chasers) on the banner layer.
    await panel.keyboard.press('k');
    await expect.poll(async () => (await hub.state()).onAir.banner?.graphic).toMatchObject({ kind: 'gap', props: { raceId: 'elite-men' } });
    // A standings row's Splits puts that athlete's 5 km splits on air in the leaderboard's place.
    await card.getByRole('button', { name: 'Splits of Bekele to air' }).click();
    await expect.poll(async () => (await hub.state()).onAir.centre?.graphic).toEqual({ kind: 'athleteSplits', props: { raceId: 'elite-men', bib: '3' } });
    // The result card is made from the finish standings and the start list, never retyped.
    await card.getByRole('button', { name: 'Result card to rundown' }).click();
    await expect.poll(async () => ((await hub.state()).rundown as any[]).find((i) => i.label === 'ELITE MEN result')?.graphic.props.topThree.map((p: any) => p.name)).toEqual(['Kipchoge', 'Biwott', 'Bekele']);
    // An athlete's passings, by keyboard: Passings… lists them; Remove… asks first (Enter alone cancels), then takes
    // one out of the race (a misread the timing company withdrew), remembered so the feed's same time stays out.
    const before = await men();
    const bekele40K = before.passings.find((row: any) => row[0] === '3' && row[1] === pointIndex(before, '40K'));
    expect(bekele40K).toBeDefined();
    await card.getByRole('button', { name: 'Passings of Bekele…' }).focus();
    await panel.keyboard.press('Enter');
    const passingsDialog = panel.getByRole('dialog', { name: 'Passings of Bekele (3) in ELITE MEN' });
    await expect.poll(() => passingsDialog.getByRole('list').textContent()).toMatch(/40K \d:\d\d:\d\d \(from rehearsal\)/);
    const remove40K = passingsDialog.getByRole('button', { name: 'Remove the passing of Bekele (3) at 40K…' });
    await remove40K.focus();
    await panel.keyboard.press('Enter');
    await panel.getByRole('alertdialog', { name: 'Remove the passing of Bekele (3) at 40K?' }).waitFor();
    await panel.keyboard.press('Enter');
    await panel.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect((await men()).passings).toContainEqual(bekele40K);
    await remove40K.focus();
    await panel.keyboard.press('Enter');
    await panel.getByRole('alertdialog').waitFor();
    await panel.keyboard.press('Shift+Tab');
    await panel.keyboard.press('Enter');
    await expect.poll(async () => (await men()).passings.some((row: any) => row[0] === '3' && row[1] === bekele40K[1])).toBe(false);
    expect((await men()).rejected).toContainEqual({ bib: '3', metres: 40_000, elapsedMs: bekele40K[2] });
    await expect.poll(() => passingsDialog.getByRole('list').textContent()).not.toMatch(/40K/);
    await panel.keyboard.press('Escape');
    await passingsDialog.waitFor({ state: 'detached' });
    // Feed set-up from the panel: a push feed for the selected race.
    await card.getByRole('button', { name: 'Add feed…' }).click();
    await card.getByLabel('Feed id').fill('panel-push');
    await card.getByLabel('Source').selectOption('push');
    await card.getByRole('button', { name: 'Save feed' }).click();
    await expect.poll(async () => ((await hub.state()).feeds as any[]).find((f) => f.id === 'panel-push')).toMatchObject({ source: 'push', raceId: 'elite-men', running: false });
    await panel.close();
  });
});
