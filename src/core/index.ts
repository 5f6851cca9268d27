// Pure race timing: no DOM, Pixi, gsap or zod; everything else may import this, it imports nothing outside core.
export { ok, err, type Result } from './result';
export {
  MARATHON_M,
  HALF_MARATHON_M,
  METRES_PER_MILE,
  parseDistance,
  parseRaceDistance,
  RACE_DISTANCE_RANGE_M,
  formatDistanceLabel,
  formatKm,
  formatMiles,
  type Distance,
} from './distance';
export {
  formatTime,
  shownMs,
  parseTime,
  plausibleRange,
  type FormatTimeOptions,
  type ParsedTime,
  type ParseTimeContext,
  type RaceKind,
} from './time';
export { pacePerKm, pacePerMile, formatPace, formatPaceClock, type PaceUnit } from './pace';
export { projectFinish, compareToRecord, describeRecordDelta, type RecordComparison } from './projectFinish';
export { validateSplit, latestSplit, type Split } from './splits';
export { segmentSplits, isSegmentPoint, SEGMENT_M, type SegmentSplit, type SplitPoint } from './segmentSplits';
export {
  elapsedMs,
  hubNow,
  shownSecond,
  estimateClockOffset,
  frameAlignedTime,
  type ClockSample,
  type ClockOffset,
} from './raceClock';
export { pixelsPerFrame, crawlOffset, crawlOffsetAt, effectiveSpeed, type CrawlMotion } from './crawlMotion';
export { FRAME_RATES, PICTURE_SIZES, DEFAULT_FORMAT, parseVideoFormat, parseFrameRate, checkPictureSize, formatName, type VideoFormat } from './videoFormat';
export { SAFE_AREA_MARGINS, safeArea, isInside, type SafeAreaKind, type Box } from './safeAreas';
export { frameIndex, frameStart, type FrameRate } from './frameRate';
export { standingsAt, latestPoint, latestSplits, leaderSplits, DEFAULT_GROUP_GAP_MS, GROUP_SPAN_MS, joinsGroup, type TimedPassing, type Standing } from './standings';
export { passingProblem, CLOCK_TOLERANCE_MS, type PassingAt } from './passingPlausibility';
