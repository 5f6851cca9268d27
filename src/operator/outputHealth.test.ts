import { describe, expect, it } from 'vitest';
import type { OutputReport, OutputStatus } from '../protocol/messages';
import { emptyShow } from '../state/showState';
import { droppedTracker, outputsToList, outputWarnings } from './outputHealth';

const report = (over: Partial<OutputReport> = {}): OutputReport => ({
  type: 'rendered',
  revision: 5,
  renderer: 'canvas',
  requestedRenderer: 'auto',
  rendererReason: 'WebGL is software-rendered here',
  width: 1920,
  height: 1080,
  fps: 60,
  droppedFrames: 0,
  mode: 'alpha',
  alpha: 'premultiplied',
  targetFps: 50,
  format: '1080p50',
  frameIntervalMs: null,
  onAir: [],
  page: 'output',
  ...over,
});
const output = (over: Partial<OutputStatus> = {}): OutputStatus => ({ connectionId: 'a1', name: '', connected: true, connectedAt: 0, disconnectedAt: null, lastReportAt: 0, report: report(), ...over });
const show = { ...emptyShow(), revision: 5 };

describe('outputWarnings', () => {
  it('has nothing to say about a healthy output', () => {
    expect(outputWarnings(output({ lastReportAt: 9_500 }), show, 10_000, 0)).toEqual([]);
  });

  it('flags an output that is connected but has stopped reporting, after five seconds of silence', () => {
    expect(outputWarnings(output({ lastReportAt: 10_000 }), show, 15_000, 0)).toEqual([]);
    expect(outputWarnings(output({ lastReportAt: 10_000 }), show, 22_400, 0)).toEqual([
      'Silent for 12 s: connected, but its page has stopped reporting (frozen page or stalled playout?)',
    ]);
    // Disconnected says it all.
    expect(outputWarnings(output({ lastReportAt: 10_000, connected: false }), show, 22_400, 0)).toEqual(['Disconnected: this output is not receiving the show']);
  });

  it('flags an output that lags the show only after the grace period', () => {
    const later = { ...show, revision: 7 };
    expect(outputWarnings(output(), later, 1000, 0)).toEqual([]);
    expect(outputWarnings(output(), later, 2000, 0)).toEqual(['Behind: drew revision 5, the show is at 7']);
  });

  it('flags a disconnected output and a forced renderer that fell back', () => {
    const fellBack = output({ connected: false, report: report({ requestedRenderer: 'webgl', rendererReason: 'WebGL was requested but is unavailable here: fell back to canvas' }) });
    expect(outputWarnings(fellBack, show, 0, 0)).toEqual([
      'Disconnected: this output is not receiving the show',
      'Fallback renderer: asked for webgl, drawing with canvas (WebGL was requested but is unavailable here: fell back to canvas)',
    ]);
  });

  it('flags an output whose on-air graphics differ from the show at the same revision', () => {
    const onAir = { ...show, onAir: { lowerThird: { id: 'g5', layer: 'lowerThird' as const, graphic: { kind: 'nameCard' as const, props: { name: 'Cram', role: '' } }, takenAt: 0, updatedAt: 0 } } };
    expect(outputWarnings(output(), onAir, 0, 0)).toEqual(['Shows different graphics from the ones on air in the show']);
    expect(outputWarnings(output({ report: report({ onAir: [{ layer: 'lowerThird', kind: 'nameCard', id: 'g5' }] }) }), onAir, 0, 0)).toEqual([]);
  });

  it('flags an output drawing below its target rate on its own clock (1 fps for 50 is not green)', () => {
    const slow = output({ lastReportAt: 9_500, report: report({ fps: 1, droppedFrames: 37_138, frameIntervalMs: { p50: 1000, p95: 1000, p99: 1000, max: 1200 } }) });
    expect(outputWarnings(slow, show, 10_000, 0)).toEqual(['Low frame rate: 1 fps for 50 (the machine or its GPU cannot keep up)']);
    // 46 fps for 50 is within a tenth; the manual clock (no intervals) has no rate to judge.
    expect(outputWarnings(output({ lastReportAt: 9_500, report: report({ fps: 46, frameIntervalMs: { p50: 20, p95: 21, p99: 22, max: 25 } }) }), show, 10_000, 0)).toEqual([]);
    expect(outputWarnings(output({ lastReportAt: 9_500, report: report({ fps: 0 }) }), show, 10_000, 0)).toEqual([]);
  });

  it('flags an output dropping frames now, not one that dropped some long ago', () => {
    const tracker = droppedTracker();
    const at = (time: number, dropped: number) => output({ lastReportAt: time, report: report({ droppedFrames: dropped }) });
    expect(tracker.lately(at(1_000, 500), 1_000)).toBe(0); // first sight: an old count is not news
    expect(tracker.lately(at(2_000, 500), 2_000)).toBe(0);
    expect(tracker.lately(at(3_000, 512), 3_000)).toBe(12);
    expect(outputWarnings(at(3_000, 512), show, 3_000, 0, 12)).toEqual(['Dropping frames: 12 dropped in the last 10 s (512 since it started)']);
    expect(tracker.lately(at(14_000, 512), 14_000)).toBe(0);
  });
});

describe('outputsToList', () => {
  it('drops a disconnected output whose name a connected one has (a reloaded page), and keeps a gone one no other replaced', () => {
    const old = output({ connectionId: 'a1', name: 'Air1', connected: false, disconnectedAt: 1 });
    const reloaded = output({ connectionId: 'a2', name: 'Air1' });
    const gone = output({ connectionId: 'b1', name: 'Air2', connected: false, disconnectedAt: 1 });
    const unnamed = output({ connectionId: 'c1', connected: false, disconnectedAt: 1 });
    expect(outputsToList([old, reloaded, gone, unnamed, output({ connectionId: 'c2' })]).map((o) => o.connectionId)).toEqual(['a2', 'b1', 'c1', 'c2']);
  });
});
