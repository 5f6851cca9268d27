/**
 * When the compositor presented a page's drawing, from a Chrome trace ('benchmark' and 'blink.user_timing'
 * categories) — not from requestAnimationFrame, which says when a frame began, not when it reached the screen,
 * and which a page drawing outside its frame loop would fool.
 *
 * The page marks `syncMark` once while tracing: its startTime (page clock) and trace timestamp give the offset
 * between the two clocks. For a drawing that ended at page time `at`, the frame holding it is the first whose
 * main-thread commit ('Commit' stage of cc's PipelineReporter, on the page's renderer) starts after `at`; it is
 * presented when the first compositor frame submitted after that commit reaches the end of its
 * 'SubmitCompositorFrameToPresentationCompositorFrame' stage. Returns page times (ms), or null if not in the trace.
 */
export function presentationTimes(traceJson: Buffer, syncMark: string, syncStartTime: number) {
  type Event = { name: string; ph: string; pid: number; ts: number; cat?: string };
  const parsed = JSON.parse(traceJson.toString('utf8')) as { traceEvents?: Event[] } | Event[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const sync = events.find((e) => e.name === syncMark);
  if (!sync) throw new Error(`The trace has no ${syncMark} mark: was blink.user_timing traced?`);
  const toPage = (ts: number) => ts / 1000 - (sync.ts / 1000 - syncStartTime);
  const pageEvents = events.filter((e) => e.pid === sync.pid);
  const times = (name: string, ph: string) => [...new Set(pageEvents.filter((e) => e.name === name && e.ph === ph).map((e) => toPage(e.ts)))].sort((a, b) => a - b);
  const commits = times('Commit', 'b');
  const submits = times('SubmitCompositorFrameToPresentationCompositorFrame', 'b');
  const presents = times('SubmitCompositorFrameToPresentationCompositorFrame', 'e');
  return (at: number): { committed: number; presented: number } | null => {
    const committed = commits.find((c) => c >= at);
    if (committed === undefined) return null;
    const submitted = submits.find((s) => s >= committed);
    const presented = submitted === undefined ? undefined : presents.find((p) => p >= submitted);
    return presented === undefined ? null : { committed, presented };
  };
}
