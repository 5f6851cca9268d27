import type { Rect } from './theme';

/**
 * Safe areas of the 1920x1080 design frame after EBU R 95: action-safe 93% and graphics (title) safe 90% of
 * width and height, centred. Text must stay inside TITLE_SAFE on every display, however it overscans.
 */
export const ACTION_SAFE: Rect = { x: 67, y: 38, width: 1786, height: 1004 };
export const TITLE_SAFE: Rect = { x: 96, y: 54, width: 1728, height: 972 };
