import { err, ok, type Result } from './result';

export { plausibleRange, type RaceKind } from './plausibleRange';

export type FormatTimeOptions = { tenths?: boolean; hours?: 'auto' | 'always' };

/** A typed time as read back to the operator before it is sent; `reading` is the sentence the panel shows. */
export type ParsedTime = { ms: number; reading: string; notation: 'h:mm:ss' | 'm:ss' | 'athletics' | 'seconds' };

/** Bounds (inclusive, ms) a time is expected to fall in; used to tell 1:44.20 (h:mm.ss) from 1:44.20 (m:ss.hh). */
export type ParseTimeContext = { plausibleMs?: readonly [number, number] };

export function formatTime(ms: number, opts: FormatTimeOptions = {}): string {
  if (!Number.isFinite(ms)) throw new RangeError(`formatTime needs a finite number of milliseconds, got ${ms}`);
  const tickMs = opts.tenths ? 100 : 1000;
  // Floor, not round or truncate toward zero: a clock never shows a value before it has happened, and
  // before the gun it counts -0:02, -0:01, 0:00 without showing zero twice.
  const ticks = Math.floor(ms / tickMs);
  const sign = ticks < 0 ? '-' : '';
  const abs = Math.abs(ticks);
  const totalSeconds = opts.tenths ? Math.floor(abs / 10) : abs;
  const tenth = opts.tenths ? `.${abs % 10}` : '';
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor(totalSeconds / 60) % 60;
  const s = pad2(totalSeconds % 60);
  if (h > 0 || opts.hours === 'always') return `${sign}${h}:${pad2(m)}:${s}${tenth}`;
  return `${sign}${m}:${s}${tenth}`;
}

/**
 * A time as formatTime shows it (whole seconds, cut down), in ms. Every figure derived on air (a gap, a
 * projection, a difference to the record) is computed from these, so it agrees with the times shown beside it
 * and with arithmetic done on them by hand: 29:11.0 behind 29:10.2 is shown 29:11 against 29:10, so +0:01.
 */
export function shownMs(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

const FORMS = 'Use h:mm:ss (2:02:48), m:ss (28:37) or m:ss.hh (1:44.20).';

type Reading = { ms: number; notation: ParsedTime['notation']; words: string; form: string };

export function parseTime(input: string, context: ParseTimeContext = {}): Result<ParsedTime> {
  const text = input.trim();
  if (text === '') return err('Enter a time, for example 2:02:48, 28:37 or 1:44.20.');
  const compact = text.replace(/\s+/g, '').replace(/,/g, '.');
  if (compact.startsWith('-')) return err(`"${text}": a race time can't be negative.`);
  if (!/^[\d:.]+$/.test(compact)) return err(`"${text}" is not a time. ${FORMS}`);

  const parts = compact.split(':');
  if (parts.length > 3) return err(`"${text}" has too many parts. ${FORMS}`);
  const last = parts[parts.length - 1] ?? '';
  const leading = parts.slice(0, -1);
  if (leading.some((p) => !/^\d+$/.test(p)) || !/^\d+(\.\d+)?$/.test(last)) {
    return err(`"${text}" is not a time. ${FORMS}`);
  }
  const [whole = '', fraction = ''] = last.split('.');
  if (fraction.length > 3) return err(`"${text}": give at most three decimal places.`);

  const afterColons = parts.length > 1 ? [...leading.slice(1), whole] : [];
  if (afterColons.some((p) => p.length > 2)) return err(`"${text}" is not a time. ${FORMS}`);
  if (afterColons.some((p) => p.length < 2)) {
    const example = parts.map((p, i) => (i > 0 && /^\d(\.|$)/.test(p) ? `0${p}` : p)).join(':');
    return err(`"${text}": write two digits after each colon, e.g. ${example}.`);
  }

  const fractionMs = Number(fraction.padEnd(3, '0'));
  const n = leading.map(Number);
  const seconds = Number(whole);

  if (parts.length === 1) {
    const ms = seconds * 1000 + fractionMs;
    return ok(plain({ ms, notation: 'seconds', form: 's', words: words(ms, fraction.length) }));
  }

  if (parts.length === 3) {
    const [h = 0, m = 0] = n;
    if (m >= 60) return err(`"${text}": minutes must be 0–59 in h:mm:ss.`);
    if (seconds >= 60) return err(`"${text}": seconds must be 0–59 in h:mm:ss.`);
    const ms = h * 3_600_000 + m * 60_000 + seconds * 1000 + fractionMs;
    return ok(plain({ ms, notation: 'h:mm:ss', form: 'h:mm:ss', words: words(ms, fraction.length) }));
  }

  const [m = 0] = n;
  const athleticsForm = fraction ? 'm:ss.hh' : 'm:ss';
  if (seconds >= 60) return err(`"${text}": seconds must be 0–59 in ${athleticsForm}.`);
  const athleticsMs = m * 60_000 + seconds * 1000 + fractionMs;
  const athletics: Reading = {
    ms: athleticsMs,
    notation: fraction ? 'athletics' : 'm:ss',
    form: athleticsForm,
    words: words(athleticsMs, fraction.length),
  };
  // Broadcast captions (the BBC's among them) write 1:44:20 as 1:44.20, so two digits after the point
  // may be seconds of an h:mm.ss time rather than hundredths.
  const isHmmss = fraction.length === 2 && Number(fraction) < 60;
  if (!isHmmss) return ok(plain(athletics));
  const hmmssMs = m * 3_600_000 + seconds * 60_000 + Number(fraction) * 1000;
  const hmmss: Reading = { ms: hmmssMs, notation: 'h:mm:ss', form: 'h:mm.ss', words: words(hmmssMs, 0) };
  return chooseReading(text, athletics, hmmss, context.plausibleMs);
}

function chooseReading(
  text: string,
  athletics: Reading,
  hmmss: Reading,
  range: readonly [number, number] | undefined,
): Result<ParsedTime> {
  let [chosen, other] = [athletics, hmmss];
  if (range) {
    const [min, max] = range;
    const fits = (r: Reading) => r.ms >= min && r.ms <= max;
    if (!fits(athletics) && !fits(hmmss)) {
      return err(
        `"${text}" could be ${athletics.words} (${athletics.form}) or ${hmmss.words} (${hmmss.form}), ` +
          `but neither is in the expected range ${formatTime(min, { hours: 'always' })}–` +
          `${formatTime(max, { hours: 'always' })}.`,
      );
    }
    if (fits(hmmss) && !fits(athletics)) [chosen, other] = [hmmss, athletics];
  }
  return ok({
    ms: chosen.ms,
    notation: chosen.notation,
    reading: `read as ${chosen.words} (${chosen.form}), not ${other.words}`,
  });
}

function plain(r: Reading): ParsedTime {
  return { ms: r.ms, notation: r.notation, reading: r.words };
}

/** "1 h 44 min 20 s", "28 min 37.4 s": keeps as many decimals as were typed so 44.20 reads back as typed. */
function words(ms: number, decimals: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor(totalSeconds / 60) % 60;
  const fraction = decimals > 0 ? `.${String(ms % 1000).padStart(3, '0').slice(0, decimals)}` : '';
  const s = `${totalSeconds % 60}${fraction} s`;
  if (h > 0) return `${h} h ${m} min ${s}`;
  if (m > 0) return `${m} min ${s}`;
  return s;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
