import type { CDPSession } from 'playwright-core';

/** Objects in a page's JS heap per constructor (or kind): how many, and their own size in bytes. */
export type HeapSummary = Map<string, { count: number; bytes: number }>;

type Snapshot = { snapshot: { meta: { node_fields: string[]; node_types: (string[] | string)[] } }; nodes: number[]; strings: string[] };

/** Takes a heap snapshot of the page (after two collections) and counts its objects by constructor name. */
export async function heapSummary(session: CDPSession): Promise<HeapSummary> {
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => void chunks.push(chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0] as string[];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const summary: HeapSummary = new Map();
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]!]!;
    // Objects by constructor; strings, code and the like by kind (their names are their contents).
    const key = type === 'object' || type === 'native' ? snapshot.strings[snapshot.nodes[i + nameAt]!]! : `(${type})`;
    const entry = summary.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += snapshot.nodes[i + sizeAt]!;
    summary.set(key, entry);
  }
  return summary;
}

/** The `most` constructors whose objects grew most in bytes from `before` to `after`, as table rows. */
export function heapGrowth(before: HeapSummary, after: HeapSummary, most = 15): string[] {
  const rows = [...after].map(([name, now]) => {
    const was = before.get(name) ?? { count: 0, bytes: 0 };
    return { name, count: now.count - was.count, bytes: now.bytes - was.bytes };
  });
  return rows
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, most)
    .map((r) => `| ${r.name.slice(0, 60)} | ${r.count >= 0 ? '+' : ''}${r.count} | ${r.bytes >= 0 ? '+' : ''}${(r.bytes / 1024).toFixed(1)} kB |`);
}
