import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildPages } from '../scripts/buildPages';
import { percentiles } from '../src/render/frameStats';
import { startHub, type HubProcess } from '../test/harness/hubProcess';
import { launchBenchBrowser } from './benchBrowser';
import { waitForOutput } from './measureLive';

/**
 * npm run bench:templates [-- --edits=10]
 *
 * How long a designer waits: a template file saved (an editor's atomic rename) until a live 1080p50 output
 * draws the new look of the name card on air, on each renderer. The baseline, measured in the same run, is
 * the operator's path: an update command posted to the hub until the output draws it.
 */
const edits = Number(process.argv.find((a) => a.startsWith('--edits='))?.slice(8) ?? 10);
if (!Number.isInteger(edits) || edits < 2) throw new Error('--edits must be a whole number of at least 2');

type Sample = { renderer: string; path: 'template edit' | 'update command'; ms: number[] };

async function main() {
  await buildPages();
  const templatesDir = join(mkdtempSync(join(tmpdir(), 'finishline-bench-templates-')), 'templates');
  cpSync(resolve(import.meta.dirname, '../templates'), templatesDir, { recursive: true });
  const nameCardFile = join(templatesDir, 'nameCard.json');
  const shipped = JSON.parse(readFileSync(nameCardFile, 'utf8')) as { nameHeight: number };
  const hub = await startHub({ templatesDir });
  const samples: Sample[] = [];
  try {
    for (const renderer of ['canvas', 'webgl'] as const) {
      const { browser, page } = await launchBenchBrowser(1920);
      try {
        const { body } = await hub.post(take('Steve Cram'));
        await page.goto(`${hub.url}/output.html?format=1080p50&renderer=${renderer}`);
        await waitForOutput(page, renderer, body.revision);
        await page.waitForTimeout(1500); // the enter is over
        const edit: Sample = { renderer, path: 'template edit', ms: [] };
        const update: Sample = { renderer, path: 'update command', ms: [] };
        for (let i = 0; i < edits; i++) {
          const version = await page.evaluate(() => window.finishline!.templatesVersion!());
          const drawn = watchFor(page, 'templates', version);
          const savedAt = Date.now();
          const text = JSON.stringify({ ...shipped, nameHeight: shipped.nameHeight + (i % 2 === 0 ? 30 : 0) }, null, 2);
          writeFileSync(`${nameCardFile}.tmp~`, text);
          renameSync(`${nameCardFile}.tmp~`, nameCardFile);
          edit.ms.push((await drawn) - savedAt);
          await page.waitForTimeout(500);

          const revision = (await hub.state()).revision;
          const shown = watchFor(page, 'revision', revision);
          const postedAt = Date.now();
          const result = await hub.post({ type: 'update', layer: 'lowerThird', graphic: take(i % 2 === 0 ? 'Brendan Foster' : 'Steve Cram').graphic });
          if (result.status !== 200) throw new Error(`the hub refused the update: ${result.body.error}`);
          update.ms.push((await shown) - postedAt);
          await page.waitForTimeout(500);
        }
        samples.push(edit, update);
      } finally {
        await browser.close();
      }
      await hub.post({ type: 'clear', layer: 'lowerThird' });
    }
  } finally {
    await hub.kill();
  }
  console.log(report(samples, hub));
}

const take = (name: string) => ({ type: 'take', graphic: { kind: 'nameCard', props: { name, role: 'BBC athletics commentator on BBC One' } } });

/**
 * Resolves with the wall-clock time (ms since the epoch) of the first animation frame after the page's
 * template version or drawn revision passed `after`.
 */
function watchFor(page: Page, what: 'templates' | 'revision', after: number): Promise<number> {
  return page.evaluate(
    ([what, after]) =>
      new Promise<number>((done, fail) => {
        const give = setTimeout(() => fail(new Error(`the output never drew the new ${what}`)), 10_000);
        const check = () => {
          const now = what === 'templates' ? window.finishline!.templatesVersion!() : (window.finishline!.shownRevision() ?? -1);
          if (now > after) {
            clearTimeout(give);
            done(performance.timeOrigin + performance.now());
          } else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    [what, after] as const,
  );
}

function report(samples: Sample[], hub: HubProcess): string {
  const rows = samples.map(({ renderer, path, ms }) => {
    const p = percentiles(ms);
    const baseline = samples.find((s) => s.renderer === renderer && s.path === 'update command')!;
    const ratio = p.p50 / percentiles(baseline.ms).p50;
    return `| ${renderer} | ${path} | ${ms.length} | ${p.p50} / ${p.p95} / ${p.max} | ${path === 'update command' ? '—' : `${ratio.toFixed(1)}x`} |`;
  });
  return [
    `## Template edit to output, ${new Date().toISOString()} (1080p50, headless Chromium, hub ${hub.url})`,
    '',
    '| renderer | path | samples | ms p50 / p95 / max | x update command |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

main().catch((error: Error) => {
  console.error(`Benchmark failed: ${error.message}`);
  process.exit(1);
});
