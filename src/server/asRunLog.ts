import { z } from 'zod';
import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contractOf, type GraphicSpec } from '../protocol/graphicSpec';
import { LayerId } from '../protocol/layers';
import type { OutputReport } from '../protocol/messages';
import { itemTitle } from '../protocol/rundownItem';
import { describePassing } from '../state/passingTable';
import { readDistance } from '../state/reducers/readRaceInput';
import type { ShowState } from '../state/showState';
import type { Applied } from './hub';
import { fsyncFd } from './writeFileAtomic';

/** One take, update or clear as it went to air: when, which rundown item, what was shown, who sent it. */
export const AsRunEntry = z.strictObject({
  revision: z.number().int(),
  /** Hub time it was applied (ms since the epoch). */
  at: z.number(),
  /** take, update, clear, clearAll or autoOut; any other command's type when the log keeps every change (see `all`). */
  action: z.string(),
  layer: z.string(),
  /** The rundown item's id and title, when it came from (or matches) one. */
  itemId: z.string(),
  item: z.string(),
  kind: z.string(),
  /** The graphic's text (its text props, joined); for a clear, the text of what it took off air. */
  text: z.string(),
  /** Token name of the sender (`hub` for the hub's own auto-out). */
  by: z.string(),
  /** What each output must show for this entry to count as drawn: an on-air id per layer, null for empty. */
  expect: z.array(z.strictObject({ layer: LayerId, id: z.string().nullable() })),
  /** The first time each output (by name, else connection id) reported drawing it: the first MAX_NAMED_OUTPUTS outputs. */
  drawn: z.record(z.string(), z.number()),
  /** How many more outputs reported drawing it, past those named in `drawn` (counted up to MAX_COUNTED_OUTPUTS). */
  drawnMore: z.number().int().positive().optional(),
});
export type AsRunEntry = z.infer<typeof AsRunEntry>;

type Line = { t: 'cmd'; entry: Omit<AsRunEntry, 'drawn'> } | { t: 'drawn'; revision: number; output: string; at: number } | { t: 'drawnMore'; revision: number; count: number; at: number };

/**
 * Outputs named per entry. A real installation has a handful; anyone may connect as an output (no token) under
 * any name, so past this many an entry's outputs are only counted: a flood of made-up outputs, one after another,
 * must not grow the log (a line each) or the hub's memory without end.
 */
export const MAX_NAMED_OUTPUTS = 64;
/** Outputs past the named ones an entry counts (their names kept in memory while it waits, so each counts once). */
export const MAX_COUNTED_OUTPUTS = 4096;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const ON_AIR = ['take', 'update', 'clear', 'clearAll', 'autoOut'];
export const isOnAir = (entry: { action: string }) => ON_AIR.includes(entry.action);

/**
 * The log entries a group of applied commands makes: the as-run proper (take, update, clear and the like, with
 * what was shown), and for every other command just who changed what and when (its type), so each applied
 * command's sender is on record.
 */
export function asRunEntries(applied: Applied[]): Omit<AsRunEntry, 'drawn'>[] {
  return applied.flatMap(({ revision, at, sender, command, before, after }): Omit<AsRunEntry, 'drawn'>[] => {
    const action = command.type;
    if (command.type !== 'take' && command.type !== 'update' && command.type !== 'clear' && command.type !== 'clearAll' && command.type !== 'autoOut') {
      return [{ revision, at, action, layer: '', itemId: '', item: '', kind: '', text: changeText(command, before), by: sender, expect: [] }];
    }
    if (command.type === 'take' || command.type === 'update') {
      const layer = (command.type === 'update' ? command.layer : (command.layer ?? contractOf(command.graphic.kind).layer)) as LayerId;
      const onAir = after.onAir[layer];
      // A take of what is already on air leaves it there (the reducer): not an airing, and not what outputs are
      // waited for (the take that put it there still is), but on record with who sent it.
      if (onAir && before.onAir[layer] === onAir) {
        return [{ revision, at, action: `${action} (no change)`, layer, ...itemOf(after, onAir.itemId), kind: command.graphic.kind, text: textOf(command.graphic), by: sender, expect: [] }];
      }
      return [{ revision, at, action, layer, ...itemOf(after, onAir?.itemId), kind: command.graphic.kind, text: textOf(command.graphic), by: sender, expect: [{ layer, id: onAir?.id ?? null }] }];
    }
    const layers = (command.type === 'clearAll' ? Object.keys(before.onAir) : [command.layer]) as LayerId[];
    const was = layers.map((layer) => before.onAir[layer]).filter((g) => g !== undefined);
    const item = was.length === 1 ? itemOf(before, was[0]!.itemId) : { itemId: '', item: '' };
    return [{ revision, at, action, layer: layers.join(' '), ...item, kind: was.map((g) => g.graphic.kind).join(' '), text: was.map((g) => textOf(g.graphic)).join(' | ').slice(0, 160), by: sender, expect: layers.map((layer) => ({ layer, id: null })) }];
  });
}

/** What a change that leaves no trace in the show removed, in words (a removed passing); empty for the rest. */
function changeText(command: Applied['command'], before: ShowState): string {
  if (command.type !== 'removePassing') return '';
  const race = before.races.find((r) => r.id === command.raceId);
  const metres = race && readDistance(command.metres, race);
  const passing = race && metres?.ok ? describePassing(race, command.bib, metres.value) : null;
  return passing ? `${race!.name}: ${passing}` : '';
}

function itemOf(show: ShowState, itemId: string | undefined) {
  const item = show.rundown.find((i) => i.id === itemId);
  return { itemId: itemId ?? '', item: item ? itemTitle(item) : '' };
}

function textOf(graphic: GraphicSpec): string {
  const texts = Object.values(graphic.props as Record<string, unknown>).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return texts.join(' · ').slice(0, 160);
}

/**
 * The as-run log: one append-only file per (UTC) day in `dir` (`2026-12-01.jsonl`), beside the show file.
 * Commands are appended and fsynced before the show file is saved (a file hub acknowledges them earlier, from the
 * take journal, which a start appends from); lines for revisions the show never reached (a crash between the two
 * writes) are dropped when the hub starts.
 * Outputs' first drawing of each entry is appended as it is reported (not fsynced: a lost one is a late report).
 * `beforeRead`: what a read of a day waits for first (a file hub's appends that follow the take journal).
 */
export async function openAsRunLog(dir: string, showRevision: number, now: () => number, beforeRead: () => Promise<unknown> = () => Promise.resolve()) {
  await mkdir(dir, { recursive: true });
  /** Entries still waiting for outputs to draw them: the latest one per layer. */
  const pending = new Map<LayerId, AsRunEntry>();
  /** Outputs past the named ones that drew a pending entry, and the count last written for it. */
  const unnamed = new WeakMap<AsRunEntry, { outputs: Set<string>; written: number }>();
  await dropUnsaved(dir, showRevision);
  for (const entry of await readDay(dir, dayOf(now()))) track(entry);

  function track(entry: AsRunEntry) {
    for (const { layer } of entry.expect) {
      const old = pending.get(layer);
      if (old) {
        for (const e of old.expect) pending.delete(e.layer);
        writeDrawnMore(old); // its final count: no more reports count for it
      }
      pending.set(layer, entry);
    }
  }

  /** Appends an entry's count of unnamed outputs, if it changed since it was last written. */
  function writeDrawnMore(entry: AsRunEntry) {
    const more = unnamed.get(entry);
    if (!more || entry.drawnMore === undefined || entry.drawnMore === more.written) return;
    more.written = entry.drawnMore;
    appendLine({ t: 'drawnMore', revision: entry.revision, count: entry.drawnMore, at: now() }, `the count of outputs that drew revision ${entry.revision}`);
  }

  function appendLine(line: Line, what: string) {
    void appendFile(join(dir, `${dayOf(line.t === 'cmd' ? line.entry.at : line.at)}.jsonl`), `${JSON.stringify(line)}\n`).catch((error) =>
      console.error(`The as-run log could not record ${what}: ${(error as Error).message}`),
    );
  }

  /** One more output past the named ones drew `entry`: counted once, and written as the count passes each power of two (a bounded number of lines). */
  function countUnnamed(entry: AsRunEntry, output: string) {
    let more = unnamed.get(entry);
    if (!more) unnamed.set(entry, (more = { outputs: new Set(), written: entry.drawnMore ?? 0 }));
    if (more.outputs.has(output) || more.outputs.size >= MAX_COUNTED_OUTPUTS) return;
    more.outputs.add(output);
    // A restarted hub has the count, not the names: an output reporting again is not counted twice.
    const count = Math.max(entry.drawnMore ?? 0, more.outputs.size);
    if (count === entry.drawnMore) return;
    entry.drawnMore = count;
    if ((count & (count - 1)) === 0) writeDrawnMore(entry);
  }

  return {
    /** Appends the entries of a group of applied commands and syncs the file; resolves once they are on disk. */
    async record(applied: Applied[]) {
      await this.append(applied);
      this.committed(applied);
    },
    /** Appends and syncs the entries only (the take journal's hub marks them committed when it publishes them). */
    append: (applied: Applied[]) => appendAsRunEntries(dir, asRunEntries(applied)),
    /** A group of applied commands is published: outputs' reports of drawing them count from now on. */
    committed(applied: Applied[]) {
      for (const entry of asRunEntries(applied)) track({ ...entry, drawn: {} });
    },
    /**
     * An output's report: the first one showing an entry's result (at or after its revision) marks it drawn by that
     * output, at the report's arrival (a report says what is shown, not since when). `joinedRevision`: the show's
     * revision when the output's connection began; entries up to it were on the output before this hub heard from
     * it (a page moved here when its hub went, or loaded after the take), drawn at a time this hub never saw, so
     * they are not marked (the hub the output was on has the time).
     */
    reported(output: string, report: OutputReport, joinedRevision: number) {
      const at = now();
      for (const entry of new Set(pending.values())) {
        if (entry.revision <= joinedRevision || report.revision < entry.revision || entry.drawn[output] !== undefined) continue;
        const shows = entry.expect.every(({ layer, id }) => (id === null ? !report.onAir.some((o) => o.layer === layer) : report.onAir.some((o) => o.layer === layer && o.id === id)));
        if (!shows) continue;
        if (Object.keys(entry.drawn).length >= MAX_NAMED_OUTPUTS) {
          countUnnamed(entry, output);
          continue;
        }
        entry.drawn[output] = at;
        appendLine({ t: 'drawn', revision: entry.revision, output, at }, `that ${output} drew revision ${entry.revision}`);
      }
    },
    /**
     * One day's as-run (UTC date, default today), oldest first; `item` keeps those whose item, item id or text
     * contains it; `all` adds every other change (rundown, races, crawl, show files) with who sent it.
     */
    async day(date = dayOf(now()), item = '', all = false) {
      await beforeRead().catch(() => undefined); // a failed save leaves the log as it is on disk
      const entries = (await readDay(dir, date)).filter((e) => all || isOnAir(e));
      const wanted = item.toLowerCase();
      return wanted ? entries.filter((e) => [e.item, e.itemId, e.text].some((field) => field.toLowerCase().includes(wanted))) : entries;
    },
  };
}
export type AsRunLog = Awaited<ReturnType<typeof openAsRunLog>>;

/** Appends command entries to the day files of `dir` (the day each was applied) and resolves once they are synced. */
export async function appendAsRunEntries(dir: string, entries: readonly Omit<AsRunEntry, 'drawn'>[]): Promise<void> {
  const byDay = new Map<string, Omit<AsRunEntry, 'drawn'>[]>();
  for (const entry of entries) byDay.set(dayOf(entry.at), [...(byDay.get(dayOf(entry.at)) ?? []), entry]);
  await Promise.all(
    [...byDay].map(async ([day, list]) => {
      // Appended directly and only synced through the thread pool (see writeFileAtomic).
      const handle = openSync(join(dir, `${day}.jsonl`), 'a+');
      try {
        // An append that failed part way (a full disk) left a torn last line: ours start on a line of their own,
        // so the torn one stays unreadable alone (never acknowledged) and the retried entries read whole.
        const size = fstatSync(handle).size;
        const lastByte = Buffer.alloc(1);
        const torn = size > 0 && readSync(handle, lastByte, 0, 1, size - 1) === 1 && lastByte[0] !== 0x0a;
        writeFileSync(handle, (torn ? '\n' : '') + list.map((entry) => `${JSON.stringify({ t: 'cmd', entry } satisfies Line)}\n`).join(''), 'utf8');
        await fsyncFd(handle);
      } finally {
        closeSync(handle);
      }
    }),
  );
}

/** An as-run command entry as read back from the take journal (the drawn reports are never in it). */
export const AsRunCommandEntry = AsRunEntry.omit({ drawn: true });

async function readDay(dir: string, date: string): Promise<AsRunEntry[]> {
  let text: string;
  try {
    text = await readFile(join(dir, `${date}.jsonl`), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries = new Map<number, AsRunEntry>();
  const drawnEarly: Line[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    let parsed: Line;
    try {
      parsed = JSON.parse(line) as Line;
    } catch {
      continue; // a line cut short by a crash mid-append (a drawn report, never an acknowledged command)
    }
    if (parsed.t === 'cmd') entries.set(parsed.entry.revision, { ...parsed.entry, drawn: {} });
    else drawnEarly.push(parsed);
  }
  // A log written before MAX_NAMED_OUTPUTS may name thousands of outputs per entry: read as the first ones and a count.
  const unnamed = new Map<AsRunEntry, Set<string>>();
  for (const line of drawnEarly) {
    const entry = line.t === 'cmd' ? undefined : entries.get(line.revision);
    if (!entry) continue;
    if (line.t === 'drawnMore') entry.drawnMore = Math.max(entry.drawnMore ?? 0, line.count);
    else if (line.t !== 'drawn' || entry.drawn[line.output] !== undefined) continue;
    else if (Object.keys(entry.drawn).length < MAX_NAMED_OUTPUTS) entry.drawn[line.output] = line.at;
    else {
      const outputs = unnamed.get(entry) ?? new Set();
      unnamed.set(entry, outputs.add(line.output));
      entry.drawnMore = Math.max(entry.drawnMore ?? 0, outputs.size);
    }
  }
  return [...entries.values()].sort((a, b) => a.revision - b.revision);
}

/** The last revision the as-run log has a command line for (in its latest day), or -1 without any. */
export async function lastLoggedRevision(dir: string): Promise<number> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => /^\d{4}-\d\d-\d\d\.jsonl$/.test(f)).sort();
  } catch {
    return -1; // no log yet
  }
  const last = files.at(-1);
  if (!last) return -1;
  let revision = -1;
  for (const line of (await readFile(join(dir, last), 'utf8')).split('\n')) {
    try {
      const parsed = JSON.parse(line) as Line;
      if (parsed.t === 'cmd') revision = Math.max(revision, parsed.entry.revision);
    } catch {
      // an empty line, or one cut short by a crash (never synced, so never acknowledged)
    }
  }
  return revision;
}

/** Lines of revisions past the show's (written, then the show save failed or the hub died before it): never acknowledged. */
async function dropUnsaved(dir: string, showRevision: number) {
  const files = (await readdir(dir)).filter((f) => /^\d{4}-\d\d-\d\d\.jsonl$/.test(f)).sort();
  const last = files.at(-1);
  if (!last) return;
  const path = join(dir, last);
  const lines = (await readFile(path, 'utf8')).split('\n').filter(Boolean);
  const kept = lines.filter((line) => {
    try {
      const parsed = JSON.parse(line) as Line;
      return parsed.t === 'cmd' ? parsed.entry.revision <= showRevision : parsed.revision <= showRevision;
    } catch {
      return false;
    }
  });
  if (kept.length !== lines.length) await writeFile(path, kept.map((l) => `${l}\n`).join(''));
}

/** The as-run as CSV: one row per entry, with the first time any output drew it and each output's own time. */
export function asRunCsv(entries: AsRunEntry[]): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  const header = ['hub_time', 'revision', 'action', 'layer', 'item_id', 'item', 'kind', 'shown', 'by', 'first_drawn', 'drawn_by_output'];
  const rows = entries.map((e) => {
    const times = Object.values(e.drawn);
    return [
      iso(e.at), String(e.revision), e.action, e.layer, e.itemId, e.item, e.kind, e.text, e.by,
      times.length ? iso(Math.min(...times)) : '',
      [...Object.entries(e.drawn).map(([output, at]) => `${output}=${iso(at)}`), ...(e.drawnMore ? [`and ${e.drawnMore} more outputs (not named: over ${MAX_NAMED_OUTPUTS})`] : [])].join('; '),
    ];
  });
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const csvField = (value: string) => (/[",\r\n]/.test(value) || /^[=+\-@]/.test(value) ? `"${(/^[=+\-@]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"` : value);
