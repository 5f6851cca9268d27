import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/harness/browser';

/**
 * Chromium as /work/shared/MEASURING.md prescribes: headless, software compositing, WebGL on SwiftShader, and
 * a real viewport from the window size (1167 px tall gives a 1080 px viewport), never device emulation, which
 * lets Chromium skip drawing below the real viewport. One fresh browser per case, so process CPU is the case's.
 */
export async function launchBenchBrowser(width: number): Promise<{ browser: Browser; context: BrowserContext; page: Page; cdp: CDPSession }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, `--window-size=${width},1167`] });
  const context = await browser.newContext({ viewport: null });
  // tsx compiles the functions bench code hands to page.evaluate with esbuild's keepNames, which wraps them in
  // a __name(...) helper that only exists in Node: give pages a no-op one.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const page = await context.newPage();
  const cdp = await browser.newBrowserCDPSession();
  return { browser, context, page, cdp };
}

/** CPU seconds used so far by each kind of Chromium process (renderer, GPU, browser), summed per kind. */
export async function processCpu(cdp: CDPSession): Promise<{ renderer: number; gpu: number; browser: number; browserPid: number }> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
  const sum = (type: string) => processInfo.filter((p) => p.type === type).reduce((total, p) => total + p.cpuTime, 0);
  return { renderer: sum('renderer'), gpu: sum('GPU'), browser: sum('browser'), browserPid: processInfo.find((p) => p.type === 'browser')?.id ?? -1 };
}

/** Main-thread task time of the page so far, in seconds (DevTools' TaskDuration). */
export async function mainThreadSeconds(session: CDPSession): Promise<number> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
}

type TraceEvent = { name: string; ph: string; pid: number; args?: { frame_reporter?: { state?: string } } };

/**
 * Frames as the compositor saw them, from a Chrome trace ('benchmark' category): the page's PipelineReporter
 * states (presented in full or in part, or dropped), and the frames the display compositor drew.
 */
export function countTraceFrames(traceJson: Buffer, browserPid: number) {
  const parsed = JSON.parse(traceJson.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const byPid = new Map<number, Map<string, number>>();
  let drawn = 0;
  for (const event of events) {
    if (event.name === 'DirectRenderer::DrawFrame') drawn++;
    if (event.name !== 'PipelineReporter' || event.ph !== 'b' || event.pid === browserPid) continue;
    const state = event.args?.frame_reporter?.state ?? 'unknown';
    const states = byPid.get(event.pid) ?? new Map<string, number>();
    states.set(state, (states.get(state) ?? 0) + 1);
    byPid.set(event.pid, states);
  }
  // The page's renderer is the one reporting the most frames (a spare renderer reports none).
  const page = [...byPid.values()].sort((a, b) => total(b) - total(a))[0] ?? new Map<string, number>();
  const count = (prefix: string) => [...page].filter(([state]) => state.startsWith(prefix)).reduce((sum, [, n]) => sum + n, 0);
  return { presented: count('STATE_PRESENTED'), dropped: count('STATE_DROPPED'), drawn, states: Object.fromEntries(page) };
}

const total = (states: Map<string, number>) => [...states.values()].reduce((a, b) => a + b, 0);
