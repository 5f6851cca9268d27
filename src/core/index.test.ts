import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from './index';

describe('the core public entry', () => {
  it('exposes every timing function the other layers code against', () => {
    const functions = Object.entries(core)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(functions).toEqual(
      [
        'checkPictureSize',
        'compareToRecord',
        'crawlOffset',
        'describeRecordDelta',
        'crawlOffsetAt',
        'effectiveSpeed',
        'elapsedMs',
        'err',
        'estimateClockOffset',
        'formatDistanceLabel',
        'formatKm',
        'formatMiles',
        'formatPace',
        'formatPaceClock',
        'formatName',
        'formatTime',
        'frameIndex',
        'frameStart',
        'frameAlignedTime',
        'hubNow',
        'isInside',
        'isSegmentPoint',
        'joinsGroup',
        'latestSplit',
        'latestPoint',
        'latestSplits',
        'leaderSplits',
        'passingProblem',
        'standingsAt',
        'segmentSplits',
        'ok',
        'pacePerKm',
        'pacePerMile',
        'parseDistance',
        'parseRaceDistance',
        'parseFrameRate',
        'parseTime',
        'parseVideoFormat',
        'pixelsPerFrame',
        'plausibleRange',
        'projectFinish',
        'safeArea',
        'shownMs',
        'shownSecond',
        'validateSplit',
      ].sort(),
    );
  });

  it('imports nothing from outside src/core, so it runs in the hub, the panel and the output alike', () => {
    const dir = new URL('.', import.meta.url);
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const file of sources) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const specifiers = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const specifier of specifiers) expect(`${file}: ${specifier}`).toMatch(/: \.\/[A-Za-z]+$/);
    }
  });
});
