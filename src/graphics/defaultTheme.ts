import type { Theme } from '../protocol/templates/theme';

/**
 * The house look, used until a template file overrides it. Regions keep text inside the EBU R 95
 * graphics-safe area (5% of 1920x1080: 96 px left/right, 54 px top/bottom); only the crawl runs edge to edge.
 */
export const defaultTheme: Theme = {
  name: 'Finishline',
  colours: {
    panel: '#0b1f4b',
    panelText: '#ffffff',
    accent: '#e4002b',
    accentText: '#ffffff',
    strip: '#f2f4f8',
    stripText: '#0b1f4b',
    under: '#1fa34a',
    over: '#e4002b',
  },
  fonts: {
    display: { family: 'Barlow Condensed', weight: 700 },
    text: { family: 'Barlow', weight: 500 },
  },
  regions: {
    clock: { x: 80, y: 40, width: 640, height: 240 },
    banner: { x: 1180, y: 40, width: 660, height: 200 },
    centre: { x: 360, y: 180, width: 1200, height: 600 },
    lowerThird: { x: 80, y: 640, width: 1400, height: 236 },
    ticker: { x: 80, y: 880, width: 1760, height: 76 },
    crawl: { x: 0, y: 964, width: 1920, height: 62 },
  },
  timing: { enterSeconds: 0.6, exitSeconds: 0.45, updateSeconds: 0.4, ease: 'power3.out' },
};
