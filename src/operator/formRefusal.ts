import type { Outcome } from './panelActions';

/**
 * Shows why a form's command was not sent, or refused, in the form's message line. A refusal that stops being
 * true by itself (not connected) goes when it does, unless the line says something else by then.
 */
export function showRefusal(line: { textContent: string | null }, outcome: Outcome, onGone?: () => void) {
  if (outcome.ok) return;
  line.textContent = outcome.error;
  void outcome.gone?.then(() => {
    if (line.textContent !== outcome.error) return;
    line.textContent = '';
    onGone?.();
  });
}
