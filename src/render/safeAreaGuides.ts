import { ACTION_SAFE, TITLE_SAFE } from '../protocol/templates/safeArea';
import type { Rect } from '../protocol/templates/theme';

/**
 * Outlines of the EBU R 95 action-safe and title-safe areas over a stage, for designers. Plain DOM over
 * the canvases, so it is never part of what an output draws.
 */
export function createSafeAreaGuides(host: HTMLElement, scale: number) {
  const overlay = document.createElement('div');
  overlay.className = 'safe-area-guides';
  Object.assign(overlay.style, { position: 'absolute', inset: '0', pointerEvents: 'none', zIndex: '10' });
  const box = (rect: Rect, colour: string, label: string) => {
    const element = document.createElement('div');
    element.title = label;
    element.dataset.guide = label;
    Object.assign(element.style, {
      position: 'absolute',
      left: `${rect.x * scale}px`,
      top: `${rect.y * scale}px`,
      width: `${rect.width * scale}px`,
      height: `${rect.height * scale}px`,
      outline: `1px dashed ${colour}`,
      boxSizing: 'border-box',
    });
    overlay.append(element);
  };
  box(ACTION_SAFE, '#00e5ff', 'action-safe (93%)');
  box(TITLE_SAFE, '#ff2bd6', 'title-safe (90%)');
  host.append(overlay);
  return {
    setVisible(visible: boolean) {
      overlay.style.display = visible ? 'block' : 'none';
    },
  };
}
