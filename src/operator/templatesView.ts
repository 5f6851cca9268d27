import { describeTemplateProblem } from '../protocol/templates/templateSet';
import { el } from './element';
import type { PanelStore } from './panelStore';

/**
 * The templates on air and what is wrong with the files on disk: a designer's broken edit is named here
 * (file, place, reason) while air keeps the last good version.
 */
export function mountTemplatesView(host: HTMLElement, store: PanelStore): { reveal(): void } {
  const status = el('p', { id: 'templates-status', class: 'muted', text: 'Waiting for the hub…' });
  const problems = el('ul', { id: 'template-problems', class: 'template-problems', 'aria-live': 'polite' });
  const heading = el('h2', { id: 'templates-heading', text: 'Templates', tabindex: -1 });
  host.replaceChildren(heading, status, problems);
  const render = () => {
    const { version, problems: list } = store.getState().templates;
    if (version === 0) return;
    status.textContent = list.length === 0 ? `Version ${version} on air; the files are valid` : `Version ${version} stays on air: the template files have problems`;
    problems.replaceChildren(...list.map((problem) => el('li', { text: describeTemplateProblem(problem) })));
  };
  store.subscribe((state, previous) => {
    if (state.templates !== previous.templates) render();
  });
  render();
  return {
    /** Scrolls the card into view and moves focus to it (the top bar's template warning). */
    reveal() {
      host.scrollIntoView({ block: 'nearest' });
      heading.focus();
    },
  };
}
