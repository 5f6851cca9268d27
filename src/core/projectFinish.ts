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

/** Finish time if the rest of the race is run at the pace so far, to the nearest whole second. */
export function projectFinish(splitMs: number, splitM: number, raceM: number): number {
  if (!(splitM > 0)) throw new RangeError(`projectFinish needs a split distance greater than zero, got ${splitM} m`);
  return Math.round((splitMs * raceM) / splitM / 1000) * 1000;
}

export function compareToRecord(
  projectedMs: number,
  recordMs: number,
  recordLabel: string = 'world-record',
): RecordComparison {
  const deltaSeconds = Math.round((projectedMs - recordMs) / 1000);
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
