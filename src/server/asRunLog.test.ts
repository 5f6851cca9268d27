import { appendFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Command } from '../protocol/command';
import type { OutputReport } from '../protocol/messages';
import { emptyShow } from '../state/showState';
import { asRunCsv, MAX_NAMED_OUTPUTS, openAsRunLog } from './asRunLog';
import { createHub } from './hub';

const AT = Date.parse('2026-12-01T10:00:00Z');

/** A hub whose saves go to an as-run log in a fresh folder, as a file hub's do. */
async function hubWithAsRun() {
  const dir = mkdtempSync(join(tmpdir(), 'finishline-asrun-'));
  const log = await openAsRunLog(dir, 0, () => AT);
  const hub = createHub({ initial: emptyShow(), now: () => AT, persist: (_state, applied) => log.record(applied) });
  const file = join(dir, '2026-12-01.jsonl');
  /** Waits for the drawn reports' appends (not awaited by `reported`) to stop growing the file. */
  async function settled() {
    for (let size = -1; size !== statSync(file).size; ) {
      size = statSync(file).size;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { hub, log, file, settled };
}

const reportOf = (revision: number, onAir: OutputReport['onAir']): OutputReport => ({
  type: 'rendered', revision, renderer: 'canvas', requestedRenderer: 'auto', rendererReason: '', width: 1920, height: 1080, fps: 50, droppedFrames: 0,
  mode: 'alpha', alpha: 'premultiplied', targetFps: 50, format: '1080p50', frameIntervalMs: null, onAir, page: 'output',
});

describe('as-run log', () => {
  it('names the outputs that drew a take, and only counts a flood of made-up outputs past the first 64', async () => {
    const { hub, log, file, settled } = await hubWithAsRun();
    const take = await hub.submit(Command.parse({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC' } } }));
    expect(take.ok).toBe(true);
    const onAir = hub.store.getState().onAir.lowerThird!;
    const report = reportOf(hub.store.getState().revision, [{ layer: 'lowerThird', kind: 'nameCard', id: onAir.id }]);
    log.reported('studio-a', report, 0);
    await settled();
    const before = statSync(file).size;

    for (let n = 0; n < 3000; n++) log.reported(`flood-${n}`, report, 0);
    log.reported('studio-a', report, 0); // a real output's later report changes nothing
    await settled();

    const drawnLines = readFileSync(file, 'utf8').split('\n').filter((line) => line.includes('"drawn'));
    expect(drawnLines.length).toBeLessThanOrEqual(MAX_NAMED_OUTPUTS + 13); // the names, and the count as it passes each power of two
    expect(statSync(file).size - before).toBeLessThan(16 * 1024);
    const [entry] = await log.day();
    expect(Object.keys(entry!.drawn)).toHaveLength(MAX_NAMED_OUTPUTS);
    expect(entry!.drawn['studio-a']).toBe(AT);
    expect(entry!.drawnMore).toBeGreaterThanOrEqual(2048); // as written so far: the exact count follows when the take is followed
    expect(asRunCsv([entry!]).length).toBeLessThan(8 * 1024);

    // The next take on the layer ends the first's wait for outputs: its exact count is written.
    await hub.submit(Command.parse({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Paula Radcliffe', role: '' } } }));
    await settled();
    const [first] = await log.day();
    expect(first!.drawnMore).toBe(3000 + 1 - MAX_NAMED_OUTPUTS);
    expect(asRunCsv([first!])).toContain(`; and ${3001 - MAX_NAMED_OUTPUTS} more outputs (not named: over ${MAX_NAMED_OUTPUTS})`);

    // A restarted hub reads the same.
    const reopened = await openAsRunLog(join(file, '..'), hub.store.getState().revision, () => AT);
    const [again] = await reopened.day();
    expect(again).toEqual(first);
  });

  it('reads an older log with thousands of named outputs per entry as the first 64 and a count', async () => {
    const { hub, log, file, settled } = await hubWithAsRun();
    await hub.submit(Command.parse({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC' } } }));
    const revision = hub.store.getState().revision;
    await settled();
    const lines = Array.from({ length: 500 }, (_, n) => JSON.stringify({ t: 'drawn', revision, output: `flood-${n}`, at: AT + n }));
    appendFileSync(file, lines.map((line) => `${line}\n`).join(''));
    const [entry] = await log.day();
    expect(Object.keys(entry!.drawn)).toHaveLength(MAX_NAMED_OUTPUTS);
    expect(entry!.drawnMore).toBe(500 - MAX_NAMED_OUTPUTS);
  });

  it('records a removed passing with what was removed and who removed it, since the show no longer has it', async () => {
    const { hub, log } = await hubWithAsRun();
    const send = (command: unknown) => hub.submit(Command.parse(command), undefined, 'timing-desk');
    await send({ type: 'addRace', raceId: 'elite-men', name: 'ELITE MEN', kind: 'elite-men' });
    await send({ type: 'setGunTime', raceId: 'elite-men', gunTime: AT - 3_600_000 });
    await send({ type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '1', name: 'Eliud Kipchoge', displayName: 'Kipchoge' }] });
    await send({ type: 'setTimingPoints', raceId: 'elite-men', points: [{ metres: 10_000, label: '10K' }] });
    await send({ type: 'recordPassings', raceId: 'elite-men', passings: [{ bib: '1', metres: 10_000, elapsedMs: 1_717_000, source: 'rr-live' }] });
    expect(await send({ type: 'removePassing', raceId: 'elite-men', bib: '1', metres: '10K' })).toMatchObject({ ok: true });
    const entry = (await log.day(undefined, '', true)).find((e) => e.action === 'removePassing');
    expect(entry).toMatchObject({ action: 'removePassing', by: 'timing-desk', text: 'ELITE MEN: Kipchoge (1) at 10K, 28:37 (from rr-live)' });
  });

  it('logs a take of what is already on air once: the repeats are on record as no change, not as airings', async () => {
    const { hub, log, settled } = await hubWithAsRun();
    const take = Command.parse({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC' } } });
    for (let n = 0; n < 3; n++) expect((await hub.submit(take)).ok).toBe(true);
    const onAir = hub.store.getState().onAir.lowerThird!;
    // The repeats changed nothing on air, so they are not what outputs are waited for: the first take is.
    log.reported('studio-a', reportOf(hub.store.getState().revision, [{ layer: 'lowerThird', kind: 'nameCard', id: onAir.id }]), 0);
    await settled();
    const airings = await log.day();
    expect(airings.map((e) => `${e.revision} ${e.action}`)).toEqual(['1 take']);
    expect(airings[0]!.drawn).toEqual({ 'studio-a': AT });
    const all = await log.day(undefined, '', true);
    expect(all.map((e) => `${e.revision} ${e.action} ${e.text} by ${e.by}`)).toEqual(['1 take Steve Cram · BBC by hub', '2 take (no change) Steve Cram · BBC by hub', '3 take (no change) Steve Cram · BBC by hub']);
  });

  it('marks drawn only what was taken while the output was connected to this hub: one that came later (a failover) drew it at a time this hub never saw', async () => {
    const { hub, log, settled } = await hubWithAsRun();
    await hub.submit(Command.parse({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC' } } }));
    const first = hub.store.getState().onAir.lowerThird!;
    // studio-a was here before the take; studio-b moved here from another hub at revision 1, already showing it.
    log.reported('studio-a', reportOf(1, [{ layer: 'lowerThird', kind: 'nameCard', id: first.id }]), 0);
    log.reported('studio-b', reportOf(1, [{ layer: 'lowerThird', kind: 'nameCard', id: first.id }]), 1);
    await hub.submit(Command.parse({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Paula Radcliffe', role: '' } } }));
    const second = hub.store.getState().onAir.lowerThird!;
    log.reported('studio-b', reportOf(2, [{ layer: 'lowerThird', kind: 'nameCard', id: second.id }]), 1);
    await settled();
    const [one, two] = await log.day();
    expect(one!.drawn).toEqual({ 'studio-a': AT });
    expect(two!.drawn).toEqual({ 'studio-b': AT });
  });
});
