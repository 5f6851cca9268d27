import { shownMs } from './time';

/** How a projected finish stands against a record: signed whole-second delta plus caption and sentence. */
export type RecordComparison = {
  /** projected minus record, in whole seconds (as ms); negative means under. */
  deltaMs: number;
  direction: 'under' | 'over' | 'level';
  /** Caption form: "9 S UNDER", "1:05 OVER", "LEVEL". */
  text: string;
  /** Commentary form: "9 s under world-record pace". */
  sentence: string;
};

/**
 * Finish time if the rest of the race is run at the pace so far, to the nearest whole second. Projected from the
 * split as shown (whole seconds, cut down), so one split on screen gives one projection, and the one a viewer
 * works out from it: twice a halfway of 1:01:24, whatever its tenths, is 2:02:48.
 */
export function projectFinish(splitMs: number, splitM: number, raceM: number): number {
  if (!(splitM > 0)) throw new RangeError(`projectFinish needs a split distance greater than zero, got ${splitM} m`);
  return Math.round((shownMs(splitMs) * raceM) / splitM / 1000) * 1000;
}

/**
 * `projectedMs` (a projection or a result) against `recordMs`, both as shown (whole seconds, cut down), so the
 * difference is the one between the two times on screen: 2:03:05.5 is shown 2:03:05, 8 s over 2:02:57.
 */
export function compareToRecord(
  projectedMs: number,
  recordMs: number,
  recordLabel: string = 'world-record',
): RecordComparison {
  return describeRecordDelta(shownMs(projectedMs) - shownMs(recordMs), recordLabel);
}

/**
 * A time's difference to a record (negative: under) as caption and sentence, to the nearest whole second. For a
 * difference the screen does not show both sides of: at 20K, 59:40 against the 2:02:57 record at an even pace
 * (58:16.62) is 1:23.38, 1:23 OVER. compareToRecord gives it for two times shown.
 */
export function describeRecordDelta(deltaMs: number, recordLabel: string = 'world-record'): RecordComparison {
  // + 0 turns Math.round's -0 (a delta of -0.4 s) into 0.
  const deltaSeconds = Math.round(deltaMs / 1000) + 0;
  const pace = `${recordLabel} pace`;
  if (deltaSeconds === 0) return { deltaMs: 0, direction: 'level', text: 'LEVEL', sentence: `level with ${pace}` };
  const direction = deltaSeconds < 0 ? 'under' : 'over';
  const amount = Math.abs(deltaSeconds);
  const two = (n: number) => String(n).padStart(2, '0');
  // Over an hour reads h:mm:ss: "238:31 OVER" is not a time anyone can read on air.
  const caption =
    amount < 60
      ? `${amount} S`
      : amount < 3600
        ? `${Math.floor(amount / 60)}:${two(amount % 60)}`
        : `${Math.floor(amount / 3600)}:${two(Math.floor(amount / 60) % 60)}:${two(amount % 60)}`;
  const spoken = amount < 60 ? `${amount} s` : caption;
  return {
    deltaMs: deltaSeconds * 1000,
    direction,
    text: `${caption} ${direction.toUpperCase()}`,
    sentence: `${spoken} ${direction} ${pace}`,
  };
}
