import { safeArea } from '../../core/safeAreas';

/**
 * The EBU R 95 safe areas of the 1920x1080 design frame (src/core/safeAreas.ts): action-safe 93 % and
 * graphics (title) safe 90 % of width and height, centred. Text must stay inside TITLE_SAFE.
 */
export const ACTION_SAFE = safeArea('action', 1920, 1080);
export const TITLE_SAFE = safeArea('graphics', 1920, 1080);
