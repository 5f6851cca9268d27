/** Decimal places a number was given with (39698 → 0, 2.5 → 1), so it is shown as given. */
export function decimalsOf(value: number): number {
  const text = String(value);
  return text.includes('e') ? 0 : (text.split('.')[1]?.length ?? 0);
}

/** The number with thousands separators and the decimals it was given with: 39698 → "39,698". */
export function formatStat(value: number, decimals = decimalsOf(value)): string {
  return new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}
