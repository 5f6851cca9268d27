import type { LiveResult } from './measureLive';
import type { SustainedResult } from './measureSustained';

/** The results as Markdown tables: live pages with ratios to the empty page, then the renderer flat out. */
export function formatReport(live: LiveResult[], sustained: SustainedResult[], meta: { date: string; quick: boolean; windowS: number; sustainedS: number }): string {
  const lines: string[] = [];
  lines.push(`## Output benchmark ${meta.date} (${meta.quick ? 'quick' : 'full'}: ${meta.windowS} s windows, 1080p50, headless Chromium, software compositing)`);
  const base = live.find((r) => r.group === 'baseline');
  if (live.length > 0) {
    lines.push('');
    lines.push('| page | rAF fps | interval p50 / p95 / p99 / max ms | > 20 ms | dropped at 50p | compositor presented / dropped | main ms/frame | renderer CPU % | GPU CPU % | x empty page (main, renderer, GPU) | x empty stage (main, renderer, GPU) | output\'s own report |');
    lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of live) {
      const i = r.intervalsMs;
      const ratio = base && r !== base ? `${x(r.mainMsPerFrame, base.mainMsPerFrame)}, ${x(r.rendererCpu, base.rendererCpu)}, ${x(r.gpuCpu, base.gpuCpu)}` : '—';
      const stage = r.group === 'scene' ? live.find((e) => e.group === 'empty stage' && e.renderer === r.renderer) : undefined;
      const stageRatio = stage ? `${x(r.mainMsPerFrame, stage.mainMsPerFrame)}, ${x(r.rendererCpu, stage.rendererCpu)}, ${x(r.gpuCpu, stage.gpuCpu)}` : '—';
      const own = r.outputReport ? `${r.outputReport.renderer}, ${r.outputReport.fps} fps, ${r.outputReport.droppedFrames} dropped since load` : '—';
      lines.push(
        `| ${r.name} | ${r.rafFps} | ${i.p50} / ${i.p95} / ${i.p99} / ${i.max} | ${r.over20ms} | ${r.dropped50p} | ${r.compositor.presented} / ${r.compositor.dropped} | ${r.mainMsPerFrame} | ${r.rendererCpu} | ${r.gpuCpu} | ${ratio} | ${stageRatio} | ${own} |`,
      );
    }
  }
  if (sustained.length > 0) {
    lines.push('');
    lines.push(`Deterministic renderer flat out (manual clock, 50p frame times, render + forced sync each frame, ${meta.sustainedS} s):`);
    lines.push('');
    lines.push('| case | frames/s | frame ms p50 / p95 / p99 / max | > 20 ms | frames that redrew | renderer CPU % | GPU CPU % | mean frame ms x empty stage |');
    lines.push('|---|---|---|---|---|---|---|---|');
    for (const r of sustained) {
      const f = r.frameMs;
      const stage = r.scene && r.redrawAll ? sustained.find((e) => !e.scene && e.redrawAll && e.renderer === r.renderer) : undefined;
      const ratio = stage ? x(stage.framesPerSecond, r.framesPerSecond) : '—';
      lines.push(`| ${r.name} | ${r.framesPerSecond} | ${f.p50} / ${f.p95} / ${f.p99} / ${f.max} | ${r.over20ms} | ${r.framesDrawn} | ${r.rendererCpu} | ${r.gpuCpu} | ${ratio} |`);
    }
  }
  return lines.join('\n');
}

function x(value: number, baseline: number): string {
  if (!(baseline > 0)) return 'n/a';
  return `${(value / baseline).toFixed(1)}x`;
}
