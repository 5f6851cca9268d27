/** A gun time read from what the operator typed, with the sentence that says how it was read. */
export type GunTimeReading = { ms: number; reading: string };

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The gun as a time of day on the panel's clock (10:00:00, 10:00, 10:00:00.4), or a full ISO date-time
 * (2016-04-24T10:00:00+01:00; without an offset it is local time). A time of day falls on the day of the race's
 * current gun time if it has one (so correcting a gun keeps its day), otherwise on today's date, both in the
 * panel's time zone: the operator types what the clock on the wall said.
 */
export function readGunTime(input: string, context: { currentGun: number | null; now: number }): { ok: true; value: GunTimeReading } | { ok: false; error: string } {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Enter the time of day of the gun, like 10:00:00, or a date-time like 2016-04-24T10:00:00+01:00.' };
  const time = TIME_OF_DAY.exec(text);
  if (time) {
    const [h, m, s, fraction] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0), time[4] ?? ''];
    if (h > 23) return { ok: false, error: `"${text}": hours must be 0–23 (a time of day, 24-hour clock).` };
    if (m > 59) return { ok: false, error: `"${text}": minutes must be 0–59.` };
    if (s > 59) return { ok: false, error: `"${text}": seconds must be 0–59.` };
    const day = new Date(context.currentGun ?? context.now);
    const ms = new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m, s, Number(fraction.padEnd(3, '0'))).getTime();
    const whichDay = context.currentGun === null ? 'today' : 'the day of its current gun';
    return { ok: true, value: { ms, reading: `gun at ${describeInstant(ms)} (${whichDay})` } };
  }
  if (ISO_DATE_TIME.test(text)) {
    const ms = Date.parse(text.replace(' ', 'T'));
    if (Number.isFinite(ms)) return { ok: true, value: { ms, reading: `gun at ${describeInstant(ms)}` } };
  }
  return { ok: false, error: `"${text}" is not a time of day. Use 10:00:00 (24-hour clock, local time) or a date-time like 2016-04-24T10:00:00+01:00.` };
}

/** "10:00:00 on Sun 24 Apr 2016, local time (UTC+01:00)": in the panel's time zone, in English whatever the browser's language. */
export function describeInstant(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const fraction = d.getMilliseconds() === 0 ? '' : `.${String(d.getMilliseconds()).padStart(3, '0').replace(/0+$/, '')}`;
  const offset = -d.getTimezoneOffset();
  const zone = `UTC${offset < 0 ? '−' : '+'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}${fraction} on ${DAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, local time (${zone})`;
}
