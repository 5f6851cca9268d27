import { describe, expect, it } from 'vitest';
import { pixelBox, sceneScale } from './layerGeometry';

const centre = { x: 360, y: 280, width: 1200, height: 600 };
const lowerThird = { x: 80, y: 640, width: 1400, height: 236 };

describe('pixelBox', () => {
  it('gives a 720p layer canvas exactly the scaled region size, every edge on the nearest output pixel', () => {
    const scale = sceneScale(1280, 720);
    // 240, 186.67 .. 1040, 586.67: a pixel taller (401) if the top were floored and the bottom ceiled.
    expect(pixelBox(centre, scale)).toEqual({ x: 240, y: 187, width: 800, height: 400 });
    // 53.33 .. 986.67 x 426.67 .. 584
    expect(pixelBox(lowerThird, scale)).toEqual({ x: 53, y: 427, width: 934, height: 157 });
  });

  it('keeps regions as they are at 1080p and doubles them at 2160p', () => {
    expect(pixelBox(centre, sceneScale(1920, 1080))).toEqual(centre);
    expect(pixelBox(centre, sceneScale(3840, 2160))).toEqual({ x: 720, y: 560, width: 2400, height: 1200 });
  });
});
