import type { FormValues } from './panelMemory';

/**
 * What a message gives back of a draft a reload could not reopen (its thing was removed meanwhile):
 * ` You had typed: Name “…”, Country “…”.` for each labelled field typed (by input name), or '' for none. With
 * `before` (the thing as the form opened it) only the fields that differ from it; else only those not blank.
 */
export function youHadTyped(typed: FormValues | undefined, labels: Record<string, string>, before?: Record<string, string>): string {
  const kept = Object.entries(labels).flatMap(([name, label]) => {
    const value = typed?.[name];
    const changed = typeof value === 'string' && (before ? value !== before[name] : value.trim() !== '');
    return changed ? [`${label} “${value}”`] : [];
  });
  return kept.length > 0 ? ` You had typed: ${kept.join(', ')}.` : '';
}
