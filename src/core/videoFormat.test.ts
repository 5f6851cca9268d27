import { describe, expect, it } from 'vitest';
import { checkPictureSize, formatName, parseFrameRate, parseVideoFormat } from './videoFormat';

describe('parseVideoFormat', () => {
  it('reads each supported size at each supported rate', () => {
    expect(parseVideoFormat('1080p50')).toEqual({ ok: true, value: { width: 1920, height: 1080, fps: 50 } });
    expect(parseVideoFormat('720p59.94')).toEqual({ ok: true, value: { width: 1280, height: 720, fps: 59.94 } });
    expect(parseVideoFormat('2160p29.97')).toEqual({ ok: true, value: { width: 3840, height: 2160, fps: 29.97 } });
    expect(parseVideoFormat(' 1080P25 ')).toEqual({ ok: true, value: { width: 1920, height: 1080, fps: 25 } });
  });

  it('says what is wrong with a format it cannot run', () => {
    expect(parseVideoFormat('1080')).toEqual({ ok: false, error: '"1080" is not a format: write lines, p and frame rate, e.g. 1080p50 or 720p59.94' });
    expect(parseVideoFormat('576p25')).toEqual({ ok: false, error: '"576p25": 576 lines is not a supported picture size; use 720, 1080, 2160' });
    expect(parseVideoFormat('1080p24')).toEqual({
      ok: false,
      error: '"1080p24": "24" is not a frame rate an output can run at: use one of 25, 29.97, 50, 59.94, 60',
    });
    expect(parseVideoFormat('1080i25')).toEqual({ ok: false, error: '"1080i25" is interlaced: outputs are progressive, use 1080p50 or 1080p25' });
  });

  it('suggests for an interlaced format only progressive formats it accepts', () => {
    expect(parseVideoFormat('1080i50')).toEqual({ ok: false, error: '"1080i50" is interlaced: outputs are progressive, use 1080p50 or 1080p25' });
    expect(parseVideoFormat('720i59.94')).toEqual({ ok: false, error: '"720i59.94" is interlaced: outputs are progressive, use 720p59.94 or 720p29.97' });
    expect(parseVideoFormat('2160i50')).toEqual({ ok: false, error: '"2160i50" is interlaced: outputs are progressive, use 2160p50 or 2160p25' });
    expect(parseVideoFormat('1080i60')).toEqual({ ok: false, error: '"1080i60" is interlaced: outputs are progressive, use 1080p60' });
    expect(parseVideoFormat('576i50')).toEqual({ ok: false, error: '"576i50" is interlaced: outputs are progressive, use 720, 1080 or 2160 lines, e.g. 1080p50' });
    for (const lines of [480, 576, 720, 1080, 2160]) {
      for (const rate of ['23.98', '24', '25', '29.97', '30', '50', '59.94', '60', '100', 'x']) {
        const parsed = parseVideoFormat(`${lines}i${rate}`);
        const suggested = !parsed.ok ? parsed.error.match(/\d+p[\d.]+/g) ?? [] : [];
        expect(suggested.length, `${lines}i${rate}`).toBeGreaterThan(0);
        for (const name of suggested) expect(parseVideoFormat(name).ok, `${lines}i${rate} suggests ${name}`).toBe(true);
      }
    }
  });
});

describe('parseFrameRate', () => {
  it('accepts the rounded and the exact NTSC notations', () => {
    expect(parseFrameRate('29.97')).toEqual({ ok: true, value: 29.97 });
    expect(parseFrameRate('60000/1001')).toEqual({ ok: true, value: 59.94 });
    expect(parseFrameRate('50')).toEqual({ ok: true, value: 50 });
  });

  it('refuses rates outputs do not run at', () => {
    expect(parseFrameRate('30').ok).toBe(false);
    expect(parseFrameRate('').ok).toBe(false);
  });
});

describe('formatName', () => {
  it('names standard formats the way engineers write them, and custom sizes by their pixels', () => {
    expect(formatName({ width: 1920, height: 1080, fps: 50 })).toBe('1080p50');
    expect(formatName({ width: 1280, height: 720, fps: 59.94 })).toBe('720p59.94');
    expect(formatName({ width: 1366, height: 768, fps: 25 })).toBe('1366x768p25');
  });
});

describe('checkPictureSize', () => {
  it('takes 16:9 sizes, to the nearest pixel', () => {
    expect(checkPictureSize(1280, 720)).toEqual({ ok: true, value: { width: 1280, height: 720 } });
    expect(checkPictureSize(854, 480).ok).toBe(true);
    expect(checkPictureSize(1366, 768).ok).toBe(true);
  });

  it('refuses any other shape, naming 16:9 sizes', () => {
    expect(checkPictureSize(1440, 1080)).toEqual({
      ok: false,
      error: '1440x1080 is not 16:9: graphics are designed at 1920x1080 and scaled to a 16:9 picture, e.g. 1280x720, 1920x1080 or 3840x2160',
    });
    expect(checkPictureSize(1920, 1200).ok).toBe(false);
    expect(checkPictureSize(1368, 768).ok).toBe(false);
  });
});
