import { safeArea, type Box } from '../core/index';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * EBU R 95 safe-area guides for a 16:9 picture of `width` x `height` pixels, as one absolutely positioned
 * element to lay over a preview: action-safe (3.5 %) dashed amber, graphics-safe (5 %) solid cyan, and a
 * centre cross. DOM only, so it is never drawn into a layer canvas; outputs show it only with `guides=1`.
 * Reusable as is by any page: `host.append(createSafeAreaGuides({ width: 1920, height: 1080 }))`.
 */
export function createSafeAreaGuides({ width, height }: { width: number; height: number }): HTMLElement {
  const root = document.createElement('div');
  root.className = 'safe-area-guides';
  root.dataset.guides = 'ebu-r95';
  Object.assign(root.style, { position: 'absolute', left: '0', top: '0', width: `${width}px`, height: `${height}px`, pointerEvents: 'none' });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const lineWidth = Math.max(1, Math.round(height / 1080));
  const label = Math.max(10, Math.round((14 * height) / 1080));
  svg.append(
    outline(safeArea('action', width, height), '#ffb000', lineWidth, `${6 * lineWidth} ${4 * lineWidth}`),
    text('Action safe (EBU R 95)', safeArea('action', width, height), '#ffb000', label),
    outline(safeArea('graphics', width, height), '#00e0ff', lineWidth, null),
    text('Graphics safe', safeArea('graphics', width, height), '#00e0ff', label),
    line(width / 2 - 20 * lineWidth, height / 2, width / 2 + 20 * lineWidth, height / 2, lineWidth),
    line(width / 2, height / 2 - 20 * lineWidth, width / 2, height / 2 + 20 * lineWidth, lineWidth),
  );
  root.append(svg);
  return root;
}

function outline(box: Box, colour: string, lineWidth: number, dash: string | null) {
  const rect = document.createElementNS(SVG, 'rect');
  // Drawn inside the box, so the line's outer edge is the safe-area edge.
  const inset = lineWidth / 2;
  rect.setAttribute('x', String(box.x + inset));
  rect.setAttribute('y', String(box.y + inset));
  rect.setAttribute('width', String(box.width - lineWidth));
  rect.setAttribute('height', String(box.height - lineWidth));
  rect.setAttribute('fill', 'none');
  rect.setAttribute('stroke', colour);
  rect.setAttribute('stroke-width', String(lineWidth));
  if (dash) rect.setAttribute('stroke-dasharray', dash);
  return rect;
}

function text(content: string, box: Box, colour: string, size: number) {
  const element = document.createElementNS(SVG, 'text');
  element.setAttribute('x', String(box.x + size / 2));
  element.setAttribute('y', String(box.y + size * 1.4));
  element.setAttribute('fill', colour);
  element.setAttribute('font-family', 'sans-serif');
  element.setAttribute('font-size', String(size));
  element.textContent = content;
  return element;
}

function line(x1: number, y1: number, x2: number, y2: number, lineWidth: number) {
  const element = document.createElementNS(SVG, 'line');
  for (const [name, value] of Object.entries({ x1, y1, x2, y2 })) element.setAttribute(name, String(value));
  element.setAttribute('stroke', '#ffffff');
  element.setAttribute('stroke-width', String(lineWidth));
  return element;
}
