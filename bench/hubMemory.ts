import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import type { HubProcess } from '../test/harness/hubProcess';

/** Starts a hub with its inspector on a free port (env for startHub), so hubMemory can read its heap and collect garbage. */
export const INSPECTED_HUB_ENV = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --inspect=127.0.0.1:0`.trim() };

type Usage = { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };

/**
 * A hub's memory through its inspector (started with INSPECTED_HUB_ENV): process.memoryUsage() sampled every
 * `everyMs` with a label (how many passings were sent by then), and on demand after a full garbage collection,
 * which tells what the show holds from what V8 has not yet collected or given back.
 */
export async function hubMemory(hub: HubProcess, everyMs = 2000) {
  const url = hub.log().match(/Debugger listening on (ws:\/\/\S+)/)?.[1];
  if (!url) throw new Error(`the hub was not started with its inspector:\n${hub.log().slice(0, 500)}`);
  const socket = new WebSocket(url);
  await new Promise((resolveOpen, reject) => socket.once('open', resolveOpen).once('error', reject));
  let id = 0;
  const pending = new Map<number, (result: any) => void>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result), pending.delete(message.id);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<any>((resolveResult) => {
      pending.set(++id, resolveResult);
      socket.send(JSON.stringify({ id, method, params }));
    });
  const usage = async (): Promise<Usage> => JSON.parse((await send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })).result.value);
  const peakRss = () => Number(readFileSync(`/proc/${hub.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1] ?? 0) * 1024;

  const samples: { at: number; label: string; usage: Usage; peak: number }[] = [];
  let label = () => '';
  let started = Date.now();
  let timer: NodeJS.Timeout | null = null;
  return {
    /** Samples every `everyMs` from now on, each with `describe()` (e.g. passings sent so far). */
    sample(describe: () => string) {
      label = describe;
      started = Date.now();
      timer = setInterval(async () => samples.push({ at: (Date.now() - started) / 1000, label: label(), usage: await usage(), peak: peakRss() }), everyMs);
    },
    stopSampling() {
      if (timer) clearInterval(timer);
    },
    /** Memory now, after a full garbage collection (twice: weak references freed by the first go in the second). */
    async afterGc(): Promise<Usage> {
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
      return usage();
    },
    now: usage,
    samples,
    peakRss,
    close: () => socket.close(),
  };
}

export const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

/** Samples at each tenth of the run (by time), one line each: RSS, heap used/total, external, peak RSS so far. */
export function memoryLines(samples: { at: number; label: string; usage: Usage; peak: number }[]): string[] {
  if (samples.length === 0) return [];
  const picks = [...new Set(Array.from({ length: 11 }, (_, i) => Math.min(samples.length - 1, Math.round((i * (samples.length - 1)) / 10))))];
  return picks.map((i) => {
    const { at, label, usage, peak } = samples[i]!;
    return `    ${at.toFixed(0).padStart(4)} s ${label.padEnd(22)} RSS ${mb(usage.rss)}, heap ${mb(usage.heapUsed)} used of ${mb(usage.heapTotal)}, external ${mb(usage.external)} (buffers ${mb(usage.arrayBuffers)}); peak RSS so far ${mb(peak)}`;
  });
}
