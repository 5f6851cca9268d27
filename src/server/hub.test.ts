import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Command } from '../protocol/command';
import { emptyShow, type ShowState } from '../state/showState';
import { createHub, type SubmitResult } from './hub';
import { saveShowFile } from './showFile';

/** A hub saving to a real file in a fresh folder, counting its writes. */
function hubOnDisk(options: { maxWaiting?: number; failWrites?: () => boolean } = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'finishline-hub-')), 'show.json');
  let writes = 0;
  const hub = createHub({
    initial: emptyShow(),
    maxWaiting: options.maxWaiting,
    persist: async (state: ShowState) => {
      writes++;
      if (options.failWrites?.()) throw new Error('ENOSPC: no space left on device');
      await saveShowFile(file, state);
    },
  });
  return { hub, file, writes: () => writes, onDisk: () => JSON.parse(readFileSync(file, 'utf8')) as ShowState };
}

const addRace = (n: number): Command => ({ type: 'addRace', raceId: `race-${n}`, name: `RACE ${n}`, kind: 'elite-men', distanceM: 42195 });

describe('hub', () => {
  it('refuses a command whose result the show schema would not read, whatever the command (21st race)', async () => {
    const { hub, onDisk } = hubOnDisk();
    for (let n = 1; n <= 20; n++) expect((await hub.submit(addRace(n))).ok).toBe(true);
    const before = hub.store.getState();
    const result = await hub.submit(addRace(21));
    expect(result).toEqual({
      ok: false,
      reason: 'refused',
      revision: before.revision,
      error: 'Refused: the show would no longer be valid (races: Too big: expected array to have <=20 items); nothing was changed',
    });
    expect(hub.store.getState()).toBe(before);
    expect(onDisk().races).toHaveLength(20);
  });

  it('refuses only the command that breaks the show when it arrives in a group with others', async () => {
    const { hub, writes } = hubOnDisk();
    const results = await Promise.all(Array.from({ length: 22 }, (_, i) => hub.submit(addRace(i))));
    expect(writes()).toBe(2);
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(results[20]).toMatchObject({ ok: false, reason: 'refused', error: expect.stringMatching(/races: Too big/) });
    expect(results[21]).toMatchObject({ ok: false, reason: 'refused', error: expect.stringMatching(/races: Too big/) });
    expect(hub.store.getState().races).toHaveLength(20);
  });

  it('saves every command waiting at once in one write and acknowledges each in order', async () => {
    const { hub, writes, onDisk } = hubOnDisk();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => hub.submit(addRace(i % 20))));
    // The first goes alone; the 29 that queued behind its write go in one more.
    expect(writes()).toBe(2);
    const revisions = results.map((r) => (r.ok ? r.revision : null));
    expect(revisions.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // The last ten reuse ids: each is refused on its own, and the rest of the group is still saved.
    expect(results.slice(20).every((r) => !r.ok && r.reason === 'refused')).toBe(true);
    expect(onDisk().revision).toBe(20);
    expect(hub.store.getState().revision).toBe(20);
  });

  it('checks a stale edit against the commands saved before it in the same group', async () => {
    const { hub } = hubOnDisk();
    const [first, second, third] = await Promise.all([hub.submit(addRace(1)), hub.submit(addRace(2), 1), hub.submit(addRace(3), 1)]);
    expect(first).toEqual({ ok: true, revision: 1 });
    expect(second).toEqual({ ok: true, revision: 2 });
    expect(third).toMatchObject({ ok: false, reason: 'stale', revision: 2 });
  });

  it('refuses commands as busy once the queue is full, saying so, and applies the ones it took', async () => {
    const { hub } = hubOnDisk({ maxWaiting: 3 });
    const results: SubmitResult[] = await Promise.all(Array.from({ length: 10 }, (_, i) => hub.submit(addRace(i))));
    // One is being saved, three wait; the other six are refused at once.
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    const busy = results.filter((r) => !r.ok && r.reason === 'busy');
    expect(busy).toHaveLength(6);
    expect(busy[0]).toMatchObject({ error: expect.stringMatching(/^The hub is busy: 3 commands are already waiting to be saved, so this one was refused rather than put on air late; nothing was changed/) });
    expect(hub.store.getState().races).toHaveLength(4);
  });

  it('refuses every command of a group whose write failed, and publishes none of them', async () => {
    let full = false;
    const { hub } = hubOnDisk({ failWrites: () => full });
    await hub.submit(addRace(1));
    full = true;
    const results = await Promise.all([hub.submit(addRace(2)), hub.submit(addRace(3))]);
    for (const result of results) expect(result).toMatchObject({ ok: false, reason: 'storage', revision: 1, error: expect.stringMatching(/could not be saved, so nothing was changed: ENOSPC/) });
    expect(hub.store.getState().races.map((r) => r.id)).toEqual(['race-1']);
  });
});
