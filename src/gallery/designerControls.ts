import type { GraphicSample } from '../graphics/graphicSample';
import type { TemplateProblem } from '../protocol/templates/templateSet';
import { describeTemplateProblem } from '../protocol/templates/templateSet';
import { STORY, type StoryPhase } from './storyboard';

export type DesignerControlEvents = {
  pick(kind: string, sample: GraphicSample): void;
  seek(t: number): void;
  setPlaying(playing: boolean): void;
  setTheme(theme: string): void;
  setRenderer(renderer: string): void;
  setGuides(visible: boolean): void;
  setCheckerboard(visible: boolean): void;
};

/**
 * The gallery's controls for designers: every kind's samples, a timeline to scrub or play, jumps to each
 * animation phase, theme and renderer, safe-area guides, a checkerboard behind the (transparent) graphics,
 * and what is wrong with the template files. Only DOM: the page entry wires it to the scene.
 */
export function createDesignerControls(root: HTMLElement, samples: Record<string, GraphicSample[]>, events: DesignerControlEvents) {
  function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
    const element: HTMLElementTagNameMap[K] = document.createElement(tag);
    Object.assign(element, props);
    element.append(...children);
    return element;
  }

  const list = el('nav', { className: 'samples', ariaLabel: 'Graphics and samples' });
  for (const [kind, kindSamples] of Object.entries(samples)) {
    list.append(el('h2', { textContent: kind }));
    for (const sample of kindSamples) {
      const button = el('button', { type: 'button', textContent: sample.name });
      button.dataset.pick = `${kind}/${sample.name}`;
      button.addEventListener('click', () => events.pick(kind, sample));
      list.append(button);
    }
  }

  const play = el('button', { type: 'button', className: 'play', textContent: 'Play' });
  const scrub = el('input', { type: 'range', min: '0', max: String(STORY.end), step: '10', value: '0', className: 'scrub', ariaLabel: 'Time' });
  const clock = el('output', { className: 'clock', textContent: '0.00 s' });
  const phases = el('span', { className: 'phases' });
  const theme = el('select', { ariaLabel: 'Theme' });
  const renderer = el('select', { ariaLabel: 'Renderer' }, ...['auto', 'webgl', 'canvas'].map((r) => el('option', { value: r, textContent: r })));
  const guides = el('input', { type: 'checkbox', checked: true });
  const checkers = el('input', { type: 'checkbox', checked: true });
  const problems = el('ul', { className: 'problems', role: 'alert' });
  const toolbar = el(
    'div',
    { className: 'toolbar' },
    play,
    scrub,
    clock,
    phases,
    el('label', {}, 'Theme ', theme),
    el('label', {}, 'Renderer ', renderer),
    el('label', {}, guides, ' Safe areas'),
    el('label', {}, checkers, ' Checkerboard'),
  );
  root.prepend(list);
  root.querySelector('.main')?.prepend(toolbar);
  root.querySelector('.main')?.append(problems);

  let playing = false;
  play.addEventListener('click', () => {
    playing = !playing;
    play.textContent = playing ? 'Pause' : 'Play';
    events.setPlaying(playing);
  });
  scrub.addEventListener('input', () => events.seek(Number(scrub.value)));
  theme.addEventListener('change', () => events.setTheme(theme.value));
  renderer.addEventListener('change', () => events.setRenderer(renderer.value));
  guides.addEventListener('change', () => events.setGuides(guides.checked));
  checkers.addEventListener('change', () => events.setCheckerboard(checkers.checked));

  return {
    showTime(t: number) {
      scrub.value = String(Math.round(t));
      clock.textContent = `${(t / 1000).toFixed(2)} s`;
    },
    showPick(kind: string, sample: string) {
      for (const button of list.querySelectorAll<HTMLButtonElement>('button')) button.ariaPressed = String(button.dataset.pick === `${kind}/${sample}`);
    },
    showPhases(list: StoryPhase[], hasUpdate: boolean) {
      phases.replaceChildren(
        ...list
          .filter((p) => hasUpdate || !p.needsUpdate)
          .map((p) => {
            const button = el('button', { type: 'button', textContent: p.phase });
            button.addEventListener('click', () => events.seek(p.t));
            return button;
          }),
      );
    },
    showThemes(names: string[], current: string) {
      theme.replaceChildren(...names.map((name) => el('option', { value: name, textContent: name, selected: name === current })));
    },
    showRenderer(request: string) {
      renderer.value = request;
    },
    showProblems(list: TemplateProblem[]) {
      problems.replaceChildren(...list.map((p) => el('li', { textContent: describeTemplateProblem(p) })));
    },
  };
}
