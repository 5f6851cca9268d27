import { describe, expect, it } from 'vitest';
import { isInside, safeArea } from './safeAreas';

describe('safeArea (EBU R 95, 16:9)', () => {
  it('gives the R 95 pixel counts at 1080 and 720 lines', () => {
    expect(safeArea('action', 1920, 1080)).toEqual({ x: 67, y: 38, width: 1786, height: 1004 });
    expect(safeArea('graphics', 1920, 1080)).toEqual({ x: 96, y: 54, width: 1728, height: 972 });
    expect(safeArea('action', 1280, 720)).toEqual({ x: 45, y: 25, width: 1190, height: 670 });
    expect(safeArea('graphics', 1280, 720)).toEqual({ x: 64, y: 36, width: 1152, height: 648 });
  });

  it('scales exactly to UHD', () => {
    expect(safeArea('graphics', 3840, 2160)).toEqual({ x: 192, y: 108, width: 3456, height: 1944 });
  });

  it('keeps graphics-safe inside action-safe', () => {
    expect(isInside(safeArea('graphics', 1920, 1080), safeArea('action', 1920, 1080))).toBe(true);
    expect(isInside(safeArea('action', 1920, 1080), safeArea('graphics', 1920, 1080))).toBe(false);
  });
});
