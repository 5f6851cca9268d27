import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startHub } from './harness/hubProcess';

/** Starts a hub on `dataDir` expecting it to refuse: what it said. */
async function refusedStart(dataDir: string, env: Record<string, string> = {}): Promise<string> {
  return startHub({ dataDir, env }).then(
    async (started) => {
      await started.kill();
      throw new Error(`the hub started:\n${started.log()}`);
    },
    (error: Error) => error.message,
  );
}

/** The show's files as they are on disk, to compare after a refused start. */
const filesOf = (dataDir: string) => Object.fromEntries(['show.json', 'show.json.passings.ndjson', 'show.json.entrants.ndjson'].map((name) => [name, existsSync(join(dataDir, name)) ? readFileSync(join(dataDir, name), 'utf8') : null]));

/** A stopped hub's data folder: a mass start of 2500 (its list in the start-list log) and a passing appended to the passings log. */
let saved: string;
beforeAll(async () => {
  const hub = await startHub();
  try {
    const rows = Array.from({ length: 2500 }, (_, i) => `${i + 1},Runner ${i + 1},KEN`);
    const imported = await fetch(`${hub.url}/api/races/mass/start-list`, { method: 'POST', headers: { authorization: `Bearer ${hub.token}` }, body: ['bib,name,country', ...rows].join('\n') });
    expect(await imported.json()).toMatchObject({ imported: 2500 });
    await hub.post({ type: 'setGunTime', raceId: 'mass', gunTime: Date.now() - 3_600_000 });
    await hub.post({ type: 'setTimingPoints', raceId: 'mass', points: [{ metres: 5000, label: '5K' }] });
    expect((await hub.post({ type: 'recordPassings', raceId: 'mass', passings: [{ bib: '7', metres: 5000, elapsedMs: 1_500_000, source: 'test' }] })).status).toBe(200);
    // The as-run answers once every save so far is on disk (show file and logs), so the journal holds nothing newer.
    expect((await fetch(`${hub.url}/api/asrun`)).status).toBe(200);
  } finally {
    await hub.kill();
  }
  saved = hub.dataDir;
  expect(readFileSync(join(saved, 'show.json.passings.ndjson'), 'utf8').split('\n').length, 'a passing appended since the start').toBeGreaterThan(1);
});

/** A copy of the saved folder to break. */
function copyOfSaved(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'finishline-startup-'));
  cpSync(saved, dataDir, { recursive: true });
  return dataDir;
}

describe('a hub that cannot start', () => {
  it('refuses a show whose start-list log is missing, naming the file and the race that expects its list from it, and creates nothing', async () => {
    const dataDir = copyOfSaved();
    const log = join(dataDir, 'show.json.entrants.ndjson');
    renameSync(log, `${log}.away`);
    const before = filesOf(dataDir);
    expect(await refusedStart(dataDir)).toContain(
      `Finishline hub could not start: ${log} is missing: the show file ${join(dataDir, 'show.json')} says its race MASS RACE (mass, 2500 entrants) expects its start list from that file. Put the file back beside the show file`,
    );
    expect(filesOf(dataDir), 'nothing written').toEqual(before);
    // Put back, the same show starts with its whole list.
    renameSync(`${log}.away`, log);
    const hub = await startHub({ dataDir });
    try {
      expect((await hub.state()).races.find((r: { id: string }) => r.id === 'mass').entrants).toHaveLength(2500);
    } finally {
      await hub.kill();
    }
  });

  it('refuses a start-list log that gives another count than the show file saved with it (an older copy), naming both, and writes nothing', async () => {
    const dataDir = copyOfSaved();
    const log = join(dataDir, 'show.json.entrants.ndjson');
    const shortened = readFileSync(log, 'utf8')
      .split('\n')
      .map((line) => {
        if (!line.includes('"entrants":[')) return line;
        const record = JSON.parse(line);
        return JSON.stringify({ ...record, entrants: record.entrants.slice(0, 1000) });
      })
      .join('\n');
    writeFileSync(log, shortened);
    const before = filesOf(dataDir);
    expect(await refusedStart(dataDir)).toContain(
      `Finishline hub could not start: ${log} is not the start-list file saved with ${join(dataDir, 'show.json')}: it gives MASS RACE (mass) 1000 entrants where the show file says 2500.`,
    );
    expect(filesOf(dataDir), 'nothing written').toEqual(before);
  });

  it('leaves the show file and the logs beside it as they were when the start-list log has a bad line or roles.json is wrong', async () => {
    const garbage = copyOfSaved();
    appendFileSync(join(garbage, 'show.json.entrants.ndjson'), 'not a line\n');
    const before = filesOf(garbage);
    expect(await refusedStart(garbage)).toMatch(/could not start: .*show\.json\.entrants\.ndjson line \d+ is not valid JSON/);
    expect(filesOf(garbage), 'nothing written').toEqual(before);

    const roles = copyOfSaved();
    writeFileSync(join(roles, 'roles.json'), '{"tokens": [{"name": "graphics-op", "token": "short", "role": "operator"}]}');
    const rolesBefore = filesOf(roles);
    expect(await refusedStart(roles)).toContain(`Finishline hub could not start: Roles file ${join(roles, 'roles.json')} is not valid: tokens.0.token: a token is at least 12 characters`);
    expect(filesOf(roles), 'nothing written').toEqual(rolesBefore);
    // A new machine (no show file yet) with a wrong roles.json is not seeded either.
    const fresh = mkdtempSync(join(tmpdir(), 'finishline-startup-'));
    writeFileSync(join(fresh, 'roles.json'), '{');
    expect(await refusedStart(fresh)).toContain('Roles file');
    expect(existsSync(join(fresh, 'show.json'))).toBe(false);
  });

  it('names a SHOW_FILE that is a directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'finishline-startup-'));
    mkdirSync(join(dataDir, 'show.json'));
    const showFile = join(dataDir, 'show.json');
    expect(await refusedStart(dataDir)).toContain(`Finishline hub could not start: Show file ${showFile} is a directory, not a file: give the path of a show file (SHOW_FILE, e.g. ${join(showFile, 'show.json')})`);
  });
});

describe('one hub per show file', () => {
  it('refuses a second hub on a show file a running hub has, before touching it, and lets a new hub take over from one killed with -9', async () => {
    const first = await startHub();
    let lastRevision = 0;
    try {
      expect((await first.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'First hub', role: 'BBC One' } } })).status).toBe(200);
      // The as-run answers once every save so far is on disk: the show file is then as the running hub left it.
      expect((await fetch(`${first.url}/api/asrun`)).status).toBe(200);
      const before = filesOf(first.dataDir);
      // What a second start would have removed: a save's temp file of the running hub (as if mid-save).
      const temp = join(first.dataDir, `.show.json.${first.pid}.${Date.now()}.tmp`);
      writeFileSync(temp, '{}');
      const said = await refusedStart(first.dataDir);
      expect(said).toMatch(new RegExp(`Another hub \\(process ${first.pid}, port ${first.port}, started [^)]+\\) is running this show file, ${join(first.dataDir, 'show.json').replace(/[.]/g, '\\.')}: stop it first, or give this hub its own SHOW_FILE`));
      expect(filesOf(first.dataDir), 'nothing of the show touched').toEqual(before);
      expect(existsSync(temp), "the running hub's temp file left alone").toBe(true);
      const cleared = await first.post({ type: 'clear', layer: 'lowerThird' });
      expect(cleared.status, 'the first hub runs on').toBe(200);
      lastRevision = cleared.body.revision;
    } finally {
      await first.kill('SIGKILL');
    }
    // Killed with -9: its lock stays behind, naming a process that is gone.
    expect(existsSync(join(first.dataDir, 'show.json.lock'))).toBe(true);
    const next = await startHub({ dataDir: first.dataDir });
    try {
      expect(next.log()).toContain(`Took over the show file from hub process ${first.pid}, which is no longer running`);
      expect((await next.state()).revision, 'every acknowledged command kept').toBe(lastRevision);
    } finally {
      await next.kill();
    }
    expect(existsSync(join(first.dataDir, 'show.json.lock')), 'a stopped hub removes its lock').toBe(false);
  });
});

describe('the start banner', () => {
  it('gives no address for other machines when the hub listens on loopback only (HOST=127.0.0.1), where none could reach it', async () => {
    const hub = await startHub();
    try {
      expect(hub.log()).toContain(`Output:         http://localhost:${hub.port}/output.html`);
      expect(hub.log()).not.toContain('From other machines');
    } finally {
      await hub.kill();
    }
  });
});
