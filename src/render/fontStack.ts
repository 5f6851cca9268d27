/**
 * Which characters each face of a font stack may draw: the browser takes a character from the first face whose
 * @font-face unicode-ranges hold it, so a face further down is asked only for what no face above it declares.
 * Run for every snapshot while a theme's fonts load, on a cold page's main thread: plain loops over merged,
 * sorted ranges, each character looked up by binary search.
 */

/** Code point ranges, sorted and merged: [from, to, from, to, ...], inclusive. */
export type CodePointRanges = Uint32Array;

export function codePointRanges(ranges: readonly (readonly [number, number])[]): CodePointRanges {
  const sorted = ranges.filter(([from, to]) => from <= to).sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [from, to] of sorted) {
    const last = merged.length - 1;
    if (last > 0 && from <= merged[last]! + 1) merged[last] = Math.max(merged[last]!, to);
    else merged.push(from, to);
  }
  return Uint32Array.from(merged);
}

export function inRanges(ranges: CodePointRanges, codePoint: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < ranges[mid * 2]!) high = mid - 1;
    else if (codePoint > ranges[mid * 2 + 1]!) low = mid + 1;
    else return true;
  }
  return false;
}

/**
 * For each face of `stack` (its declared ranges, or null if unknown), the distinct characters of `text` it may be
 * asked to draw, in their first order: every character not declared by a face above it. Below a face of unknown
 * ranges, every character (it may lack any of them).
 */
export function charactersPerFace(stack: readonly (CodePointRanges | null)[], text: string): string[] {
  const all: string[] = [];
  const seen = new Set<string>();
  for (const char of text) {
    if (!seen.has(char)) {
      seen.add(char);
      all.push(char);
    }
  }
  const result: string[] = [];
  let left = all;
  let unknownAbove = false;
  for (const ranges of stack) {
    result.push((unknownAbove ? all : left).join(''));
    if (ranges === null) {
      unknownAbove = true;
      continue;
    }
    const next: string[] = [];
    for (const char of left) if (!inRanges(ranges, char.codePointAt(0)!)) next.push(char);
    left = next;
  }
  return result;
}
