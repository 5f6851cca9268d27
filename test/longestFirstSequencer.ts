import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order, with the golden suites (the two longest files, ~3-4 min each) started first. Without timings
 * from an earlier run (a fresh clone, as CI has) vitest starts larger files first, and the golden files are a
 * few lines each: they ran last, one of them alone at the end while the other worker had nothing to do.
 */
const LONGEST = /graphicsGolden\.[a-z]+\.test\.ts$/;

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((f) => LONGEST.test(f.moduleId)), ...sorted.filter((f) => !LONGEST.test(f.moduleId))];
  }
}
