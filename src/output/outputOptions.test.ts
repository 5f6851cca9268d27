import { describe, expect, it } from 'vitest';
import { parseOutputOptions } from './outputOptions';

describe('output URL options', () => {
  it('defaults to a transparent 1080p50 page with premultiplied alpha and no guides', () => {
    expect(parseOutputOptions('')).toEqual({
      width: 1920,
      height: 1080,
      fps: 50,
      mode: 'alpha',
      alpha: 'premultiplied',
      guides: false,
      renderer: 'auto',
      manualClock: false,
      name: '',
    });
  });

  it('reads the output name for the panel, and refuses one too long to list', () => {
    expect(parseOutputOptions('?name=vMix%20main').name).toBe('vMix main');
    expect(() => parseOutputOptions(`?name=${'x'.repeat(61)}`)).toThrow('name: an output name has at most 60 characters (got 61 characters)');
  });

  it('reads a broadcast format name for size and rate', () => {
    expect(parseOutputOptions('?format=720p59.94')).toMatchObject({ width: 1280, height: 720, fps: 59.94 });
    expect(parseOutputOptions('?format=2160p25')).toMatchObject({ width: 3840, height: 2160, fps: 25 });
  });

  it('keeps width and height working, with fps beside them', () => {
    expect(parseOutputOptions('?width=1280&height=720&fps=29.97')).toMatchObject({ width: 1280, height: 720, fps: 29.97 });
  });

  it('reads the output mode, alpha and guides', () => {
    expect(parseOutputOptions('?mode=keyfill&alpha=straight&guides=1')).toMatchObject({ mode: 'keyfill', alpha: 'straight', guides: true });
    expect(parseOutputOptions('?mode=key&alpha=straight')).toMatchObject({ mode: 'key', alpha: 'straight' });
    expect(parseOutputOptions('?guides=0').guides).toBe(false);
  });

  it('refuses what it cannot honour, saying what to write instead', () => {
    expect(() => parseOutputOptions('?mode=matte')).toThrow('mode must be alpha, fill, key or keyfill, not "matte"');
    expect(() => parseOutputOptions('?alpha=linear')).toThrow('alpha must be premultiplied or straight, not "linear"');
    expect(() => parseOutputOptions('?alpha=straight')).toThrow(
      'alpha=straight needs an opaque fill (mode=fill or mode=keyfill): a transparent page (mode=alpha) always hands its host premultiplied pixels',
    );
    expect(() => parseOutputOptions('?format=720p50&width=1920')).toThrow('format=720p50 already sets the size and frame rate: remove width from the URL');
    expect(() => parseOutputOptions('?format=1080p30')).toThrow(
      'format: "1080p30": "30" is not a frame rate an output can run at: use one of 25, 29.97, 50, 59.94, 60',
    );
    expect(() => parseOutputOptions('?fps=24')).toThrow('fps: "24" is not a frame rate an output can run at');
    expect(() => parseOutputOptions('?guides=yes')).toThrow('guides must be 1 or 0, not "yes"');
    expect(() => parseOutputOptions('?clock=manul')).toThrow('clock must be live or manual, not "manul"');
    expect(() => parseOutputOptions('?hubs=:::')).toThrow(`hubs: ":::" is not a hub's address`);
  });
});
