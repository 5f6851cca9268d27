/**
 * What held an output's main thread, from a Chrome trace (categories TRACE_CATEGORIES): every gap of more than
 * `gapMs` between the page's animation frames (FireAnimationFrame on its renderer's main thread), with the tasks
 * that ran in it (wall time, and the thread's own CPU time: a task whose CPU time is far below its wall time was
 * descheduled, i.e. the machine was busy elsewhere) and what each spent its time on (GC, script by function, paint),
 * plus every garbage collection on that thread. With several pages in the trace, `pageMark` names a user timing
 * mark the page made while tracing: the page is the renderer holding it (else the one firing the most frames).
 * `baseline` (with pageMark) sets each gap beside another page's: `markWallMs` is the mark's time on the wall clock
 * (performance.timeOrigin + its startTime) and `missedToo(start, end)` says whether that page missed a frame in the
 * same span; the gaps the page missed alone are listed apart, with a tally of what took most of each.
 */
export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-v8.gc', 'blink.user_timing'];

type Event = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string }; usedHeapSizeBefore?: number; usedHeapSizeAfter?: number };
};

function cpuPercentiles(tasks: Event[]): string {
  const ms = tasks.map((t) => (t.tdur ?? 0) / 1000).sort((a, b) => a - b);
  const at = (q: number) => (ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0).toFixed(1);
  return `p50 ${at(0.5)} / p99 ${at(0.99)} / p99.9 ${at(0.999)} / max ${at(1)} ms over ${ms.length} tasks`;
}

const isGc = (name: string) => name === 'MinorGC' || name === 'MajorGC' || name.startsWith('V8.GC') || name === 'BlinkGC.AtomicPhase';

export function longTasks(traceJson: Buffer, gapMs = 20, pageMark?: string, baseline?: { label: string; markWallMs: number; missedToo(start: number, end: number): boolean }) {
  const parsed = JSON.parse(traceJson.toString('utf8')) as { traceEvents?: Event[] } | Event[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The page's renderer is the one firing the most animation frames.
  const frames = new Map<string, number[]>();
  for (const e of events) {
    if (e.name !== 'FireAnimationFrame' || e.ph !== 'X') continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mains.some((m) => m.pid === e.pid && m.tid === e.tid)) continue;
    (frames.get(key) ?? frames.set(key, []).get(key)!).push(e.ts);
  }
  const marked = pageMark ? events.find((e) => e.name === pageMark) : undefined;
  if (pageMark && !marked) throw new Error(`The trace has no ${pageMark} mark: was blink.user_timing traced?`);
  const [key, frameTimes] = [...frames].filter(([k]) => !marked || k.startsWith(`${marked.pid}:`)).sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
  const [pid, tid] = key.split(':').map(Number);
  const thread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const tasks = thread.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  // Each rAF callback is an event of its own: those of one frame (within 4 ms of its first) are one frame.
  const sorted = [...frameTimes].sort((a, b) => a - b);
  frameTimes.length = 0;
  for (const ts of sorted) if (frameTimes.length === 0 || ts - frameTimes.at(-1)! >= 4000) frameTimes.push(ts);

  /** A task's time by what it did: GC events, script by function, everything else by name (events nested in others counted once, at the outermost kind). */
  const breakdown = (task: Event) => {
    const end = task.ts + task.dur!;
    const parts = new Map<string, number>();
    // Events are sorted by start: the task's are the run from its own start (binary search) to its end.
    let lo = 0;
    for (let hi = thread.length; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if (thread[mid]!.ts < task.ts) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < thread.length && thread[i]!.ts < end; i++) {
      const e = thread[i]!;
      if (e === task) continue;
      let label: string | null = null;
      if (isGc(e.name) && (e.name === 'MinorGC' || e.name === 'MajorGC')) label = `GC ${e.name} (${heapMb(e)})`;
      else if (e.name === 'FunctionCall') label = `script ${e.args?.data?.functionName || '(anonymous)'} ${(e.args?.data?.url ?? '').replace(/^.*\//, '')}`;
      else if (['FireAnimationFrame', 'TimerFire', 'EventDispatch', 'Paint', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Layerize', 'ParseHTML', 'v8.compile', 'EvaluateScript', 'RunMicrotasks', 'HitTest'].includes(e.name)) {
        label = e.name === 'EventDispatch' ? `event ${e.args?.data?.type}` : e.name;
      }
      if (label) parts.set(label, (parts.get(label) ?? 0) + e.dur! / 1000);
    }
    return [...parts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([label, ms]) => `${label} ${ms.toFixed(1)}`).join('; ');
  };
  const heapMb = (e: Event) => {
    const before = e.args?.usedHeapSizeBefore;
    const after = e.args?.usedHeapSizeAfter;
    return before && after ? `${(before / 1e6).toFixed(0)}→${(after / 1e6).toFixed(0)} MB` : '';
  };

  // Each gap, with the page's own work in it: tasks over 2 ms of wall time, and their CPU time.
  const gaps: { at: number; ms: number; cpuMs: number; lines: string[]; shared: boolean; top: string }[] = [];
  const wall = (ts: number) => baseline!.markWallMs + (ts - marked!.ts) / 1000;
  for (let i = 1; i < frameTimes.length; i++) {
    const gap = (frameTimes[i]! - frameTimes[i - 1]!) / 1000;
    if (gap <= gapMs) continue;
    const inGap = tasks.filter((t) => t.ts + t.dur! > frameTimes[i - 1]! && t.ts < frameTimes[i]! && t.dur! > 2000);
    const lines = inGap.map((t) => `      task ${(t.dur! / 1000).toFixed(1)} ms wall / ${((t.tdur ?? 0) / 1000).toFixed(1)} ms CPU: ${breakdown(t)}`);
    const shared = baseline !== undefined && marked !== undefined && baseline.missedToo(wall(frameTimes[i - 1]!), wall(frameTimes[i]!));
    // What took most of the page's time in the gap (its longest task's biggest part), or nothing of its own.
    const longest = [...inGap].sort((a, b) => b.dur! - a.dur!)[0];
    const top = longest ? breakdown(longest).split(';')[0]!.replace(/ [\d.]+$/, '').replace(/ \(.*\)$/, '').replace(/-[\w-]{8}\.js$/, '.js') || '(a task of no traced kind)' : '(no task of the page over 2 ms)';
    gaps.push({ at: (frameTimes[i - 1]! - frameTimes[0]!) / 1e6, ms: gap, cpuMs: inGap.reduce((sum, t) => sum + (t.tdur ?? 0) / 1000, 0), lines, shared, top });
  }
  // The page's CPU time by kind of task (named after what took most of it), over the whole trace.
  const byKind = new Map<string, { n: number; ms: number }>();
  for (const task of tasks) {
    const kind = breakdown(task).split(';')[0]!.replace(/ [\d.]+$/, '').replace(/ \(.*\)$/, '') || '(other)';
    const entry = byKind.get(kind) ?? byKind.set(kind, { n: 0, ms: 0 }).get(kind)!;
    entry.n++;
    entry.ms += (task.tdur ?? 0) / 1000;
  }
  const kinds = [...byKind].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8).map(([kind, { n, ms }]) => `    ${ms.toFixed(0).padStart(6)} ms CPU in ${n} tasks: ${kind}`);
  const listed = baseline ? gaps.filter((g) => !g.shared) : gaps;
  const worst = [...listed].sort((a, b) => b.ms - a.ms).slice(0, 12).sort((a, b) => a.at - b.at);
  const tally = new Map<string, number>();
  for (const g of listed) tally.set(g.top, (tally.get(g.top) ?? 0) + 1);
  const long = tasks.filter((t) => t.dur! > 16_000);
  const gcs = thread.filter((e) => e.name === 'MinorGC' || e.name === 'MajorGC');
  const gcSummary = ['MinorGC', 'MajorGC'].map((name) => {
    const ms = gcs.filter((e) => e.name === name).map((e) => e.dur! / 1000).sort((a, b) => a - b);
    return `${name} ${ms.length}× (p50 ${(ms[Math.floor(ms.length / 2)] ?? 0).toFixed(1)} / max ${(ms.at(-1) ?? 0).toFixed(1)} ms, ${ms.reduce((a, b) => a + b, 0).toFixed(0)} ms in all)`;
  });
  const seconds = frameTimes.length > 1 ? (frameTimes.at(-1)! - frameTimes[0]!) / 1e6 : 0;
  return [
    `  trace: ${frameTimes.length} animation frames over ${seconds.toFixed(1)} s; main-thread tasks over 16 ms: ${long.length}, of which ${long.filter((t) => (t.tdur ?? 0) > 16_000).length} used over 16 ms of CPU themselves (${long.map((t) => `${(t.dur! / 1000).toFixed(0)}/${((t.tdur ?? 0) / 1000).toFixed(0)}`).join(', ')} ms wall/CPU)`,
    // The page's own heavy tasks: the ones that would miss a frame on an idle machine too.
    ...long.filter((t) => (t.tdur ?? 0) > 16_000).map((t) => `    at ${((t.ts - (frameTimes[0] ?? t.ts)) / 1e6).toFixed(1)} s a task of ${((t.tdur ?? 0) / 1000).toFixed(1)} ms CPU (${(t.dur! / 1000).toFixed(1)} ms wall): ${breakdown(t)}`),
    `  the page's tasks' own CPU time: ${cpuPercentiles(tasks)}`,
    `  GC on the page's main thread: ${gcSummary.join('; ')}`,
    `  main-thread CPU by task (what took most of each):`,
    ...kinds,
    `  gaps over ${gapMs} ms between animation frames: ${gaps.length}, of which ${gaps.filter((g) => g.cpuMs < gapMs - 16.7).length} with the page's own tasks using less CPU than the frame it missed (the machine was busy elsewhere); the longest:`,
    ...(baseline
      ? [
          `    ${gaps.length - listed.length} of them at the same moment as a missed frame of the ${baseline.label}; the ${listed.length} the page missed alone, by what took most of the page's time in each: ${[...tally].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}× ${k}`).join('; ')}; the longest of those:`,
        ]
      : []),
    ...worst.map((g) => `    at ${g.at.toFixed(1)} s: ${g.ms.toFixed(1)} ms between frames, ${g.cpuMs.toFixed(1)} ms of the page's CPU in it\n${g.lines.join('\n') || '      (no main-thread task over 2 ms in it)'}`),
  ].join('\n');
}

/** npx tsx bench/longTasks.ts <trace.json> [gapMs] [pageMark]: the same report from a trace saved by bench:feed --trace. */
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const { readFileSync } = await import('node:fs');
  console.log(longTasks(readFileSync(process.argv[2]!), Number(process.argv[3] ?? 29), process.argv[4]));
}
