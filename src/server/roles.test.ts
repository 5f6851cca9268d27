import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Command } from '../protocol/command';
import { createRoles, loadRolesFile, mayDo, refusalFor } from './roles';

describe('roles', () => {
  it('makes the main token the producer and names the others', () => {
    const roles = createRoles('main-token-000001', { tokens: [{ name: 'Timing feed', token: 'feed-token-000001', role: 'data' }] });
    expect(roles.senderOf('main-token-000001')).toEqual({ name: 'producer', role: 'producer' });
    expect(roles.senderOf('feed-token-000001')).toEqual({ name: 'Timing feed', role: 'data' });
    expect(roles.senderOf('nobody')).toBeNull();
    expect(roles.senderOf(null)).toBeNull();
  });

  it('lets the producer send every command there is, and the data role every timing and feed command', () => {
    const producer = { name: 'producer', role: 'producer' as const };
    const data = { name: 'feed', role: 'data' as const };
    for (const option of Command.options) expect(mayDo(producer, option.shape.type.value), option.shape.type.value).toBe(true);
    for (const type of ['recordPassings', 'upsertEntrants', 'importStartList', 'setFeed', 'startFeed', 'stopFeed'] as const) expect(mayDo(data, type), type).toBe(true);
    expect(mayDo(data, 'take')).toBe(false);
  });

  it('allows each role its own commands only', () => {
    const as = (role: 'producer' | 'operator' | 'data' | 'viewer') => ({ name: role, role });
    expect(['take', 'clear', 'rundown.add', 'crawlAdd', 'startRace', 'addSplit', 'show.lock'].every((c) => mayDo(as('operator'), c as never))).toBe(true);
    expect(['addRace', 'setRecord', 'show.setTheme', 'showFiles'].some((c) => mayDo(as('operator'), c as never))).toBe(false);
    expect(['addRace', 'addSplit', 'correctSplit', 'setRecord'].every((c) => mayDo(as('data'), c as never))).toBe(true);
    expect(['take', 'crawlRun', 'rundown.add', 'showFiles'].some((c) => mayDo(as('data'), c as never))).toBe(false);
    expect(mayDo(as('viewer'), 'take')).toBe(false);
    expect(mayDo(as('producer'), 'showFiles') && mayDo(as('producer'), 'show.setTheme')).toBe(true);
    expect(refusalFor({ name: 'Desk', role: 'data' }, 'showFiles')).toBe('Forbidden: "Desk" has the data role, which may not switch or save show files; the data role may do races, splits, records, entrants, passings and timing feeds only');
  });

  it('reads the roles file, treats a missing one as none, and names the file and the fault in a bad one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'finishline-roles-unit-'));
    const path = join(dir, 'roles.json');
    expect(await loadRolesFile(path)).toEqual({ tokens: [] });
    writeFileSync(path, JSON.stringify({ tokens: [{ name: 'X', token: 'short', role: 'boss' }] }));
    await expect(loadRolesFile(path)).rejects.toThrow(`Roles file ${path} is not valid: tokens.0.token: a token is at least 12 characters`);
    writeFileSync(path, '{"tokens": [');
    await expect(loadRolesFile(path)).rejects.toThrow(`Roles file ${path} is not valid JSON`);
    writeFileSync(path, JSON.stringify({ tokens: [{ name: 'A', token: 'same-token-00001', role: 'viewer' }, { name: 'B', token: 'same-token-00001', role: 'data' }] }));
    await expect(loadRolesFile(path)).rejects.toThrow('tokens must be unique');
  });
});
