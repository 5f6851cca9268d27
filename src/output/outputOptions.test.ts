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

  it('reads guides as 1, 0, true or false, and refuses anything else the same way', () => {
    expect(parseOutputOptions('?guides=true').guides).toBe(true);
    expect(parseOutputOptions('?guides=false').guides).toBe(false);
    expect(() => parseOutputOptions('?guides=2')).toThrow('guides must be 1, 0, true or false, not "2"');
    expect(() => parseOutputOptions('?guides=')).toThrow('guides must be 1, 0, true or false, not ""');
  });

  it('refuses a parameter given twice rather than silently taking the first', () => {
    expect(() => parseOutputOptions('?mode=alpha&mode=key')).toThrow('mode is given twice (mode=alpha and mode=key): keep the one you mean');
    expect(() => parseOutputOptions('?guides=1&format=1080p50&guides=1')).toThrow('guides is given twice (guides=1 and guides=1): keep the one you mean');
  });

  it('refuses a hub without a port, as it refuses one with a port out of range', () => {
    expect(parseOutputOptions('?hubs=10.0.0.2:4380,backup:4380,[::1]:4380').mode).toBe('alpha');
    expect(() => parseOutputOptions('?hubs=bad')).toThrow(`hubs: "bad" is not a hub's address: write host:port`);
    expect(() => parseOutputOptions('?hubs=10.0.0.2:4380,10.0.0.3')).toThrow(`hubs: "10.0.0.3" is not a hub's address: write host:port`);
    expect(() => parseOutputOptions('?hubs=127.0.0.1:99999')).toThrow(`hubs: "127.0.0.1:99999" is not a hub's address: write host:port`);
    expect(() => parseOutputOptions('?hubs=127.0.0.1:0')).toThrow(`hubs: "127.0.0.1:0" is not a hub's address: write host:port`);
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
    expect(() => parseOutputOptions('?guides=yes')).toThrow('guides must be 1, 0, true or false, not "yes"');
    expect(() => parseOutputOptions('?clock=manul')).toThrow('clock must be live or manual, not "manul"');
    expect(() => parseOutputOptions('?hubs=:::')).toThrow(`hubs: ":::" is not a hub's address`);
  });

  it('refuses a size that is not 16:9, naming sizes it can draw, rather than pinning the design to the top-left', () => {
    expect(() => parseOutputOptions('?width=1440&height=1080')).toThrow(
      'width and height: 1440x1080 is not 16:9: graphics are designed at 1920x1080 and scaled to a 16:9 picture, e.g. 1280x720, 1920x1080 or 3840x2160',
    );
    expect(() => parseOutputOptions('?width=1000&height=700')).toThrow('width and height: 1000x700 is not 16:9');
    expect(() => parseOutputOptions('?width=1280')).toThrow('width and height: 1280x1080 is not 16:9');
    // 16:9 to the nearest pixel is a 16:9 picture.
    expect(parseOutputOptions('?width=1366&height=768')).toMatchObject({ width: 1366, height: 768 });
    expect(parseOutputOptions('?width=3840&height=2160')).toMatchObject({ width: 3840, height: 2160 });
  });
});
