import { buildPages } from '../scripts/buildPages';
import { startHub } from '../test/harness/hubProcess';
import { launchBenchBrowser } from './benchBrowser';
import { outputUrl } from './cases';
import { waitForOutput } from './measureLive';
import { marathonScene } from './scene';

/**
 * npm run bench:profile [-- --renderer=canvas|webgl] [-- --seconds=10]
 *
 * Where the output's main thread spends its time with the marathon scene on air (1080p50): a DevTools CPU
 * profile of the page, summed by function (self time) and by source file, top 25 of each.
 */
const args = process.argv.slice(2);
const renderer = (args.find((a) => a.startsWith('--renderer='))?.slice(11) ?? 'canvas') as 'canvas' | 'webgl';
const seconds = Number(args.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 10);

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

async function main() {
  await buildPages();
  const hub = await startHub();
  try {
    await hub.post({ type: 'clearAll' });
    for (const command of marathonScene) await hub.post(command);
    const revision = (await hub.state()).revision;
    const { browser, context, page } = await launchBenchBrowser(1920);
    try {
      await page.goto(outputUrl(hub.url, { kind: 'live', name: 'profile', group: 'scene', renderer, mode: 'alpha', alpha: 'premultiplied', scene: true }));
      await waitForOutput(page, renderer, revision);
      await page.waitForTimeout(2000);
      const session = await context.newCDPSession(page);
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 200 });
      await session.send('Profiler.start');
      await page.waitForTimeout(seconds * 1000);
      const { profile } = (await session.send('Profiler.stop')) as { profile: Profile };
      report(profile);
    } finally {
      await browser.close();
    }
  } finally {
    await hub.kill();
  }
}

function report(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = (profile.endTime - profile.startTime) / 1000;
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = url.replace(/^.*\//, '').replace(/\?.*$/, '') || '(native)';
    const add = (totals: Map<string, number>, key: string) => totals.set(key, (totals.get(key) ?? 0) + us / 1000);
    add(byFunction, `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`);
    add(byFile, file);
  }
  const top = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${k}`).join('\n');
  console.log(`Profile of ${total.toFixed(0)} ms, ${renderer} renderer\n\nBy function (self time):\n${top(byFunction)}\n\nBy file:\n${top(byFile)}`);
}

main().catch((error: Error) => {
  console.error(`Profile failed: ${error.message}`);
  process.exit(1);
});
