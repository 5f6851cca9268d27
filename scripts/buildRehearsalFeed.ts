// Writes shows/feeds/london-2016-elite.rehearsal.json: a rehearsal timing feed of the 2016 London elite races,
// built from the demo show (its 10K, halfway and 15-mile splits, its records) with every other time invented.
// Run: npx tsx scripts/buildRehearsalFeed.ts. Deterministic: the same file every run.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FeedFile } from '../src/protocol/feedFile';

const root = resolve(import.meta.dirname, '..');
const show = JSON.parse(readFileSync(resolve(root, 'shows/london-2016.json'), 'utf8')) as { races: { id: string; gunTime: number | null; splits: { metres: number; elapsedMs: number }[] }[] };
const hms = (h: number, m: number, s: number) => ((h * 60 + m) * 60 + s) * 1000;
const MILE = 1609.344;
const POINTS = [
  { metres: 5000, label: '5K' },
  { metres: 10_000, label: '10K' },
  { metres: 15_000, label: '15K' },
  { metres: 20_000, label: '20K' },
  { metres: 21_097.5, label: 'HALFWAY' },
  { metres: 15 * MILE, label: '15 MILES' },
  { metres: 25_000, label: '25K' },
  { metres: 30_000, label: '30K' },
  { metres: 35_000, label: '35K' },
  { metres: 40_000, label: '40K' },
  { metres: 42_195, label: 'FINISH' },
];

type Athlete = { bib: string; name: string; displayName: string; country: string; pb: number; finish: number };
// Finishing times are invented (plausible for the field), except the winners' which the demo show's result cards give.
const men: Athlete[] = [
  { bib: '1', name: 'Eliud Kipchoge', displayName: 'Kipchoge', country: 'KEN', pb: hms(2, 4, 0), finish: hms(2, 3, 5) },
  { bib: '2', name: 'Stanley Biwott', displayName: 'Biwott', country: 'KEN', pb: hms(2, 4, 55), finish: hms(2, 3, 51) },
  { bib: '3', name: 'Kenenisa Bekele', displayName: 'Bekele', country: 'ETH', pb: hms(2, 5, 4), finish: hms(2, 6, 36) },
  { bib: '4', name: 'Wilson Kipsang', displayName: 'Kipsang', country: 'KEN', pb: hms(2, 3, 13), finish: hms(2, 7, 52) },
  { bib: '5', name: 'Tesfaye Abera', displayName: 'Abera', country: 'ETH', pb: hms(2, 4, 24), finish: hms(2, 8, 40) },
  { bib: '6', name: 'Ghirmay Ghebreslassie', displayName: 'Ghebreslassie', country: 'ERI', pb: hms(2, 9, 8), finish: hms(2, 9, 30) },
  { bib: '7', name: 'Sisay Lemma', displayName: 'Lemma', country: 'ETH', pb: hms(2, 6, 26), finish: hms(2, 10, 12) },
  { bib: '8', name: 'Callum Hawkins', displayName: 'Hawkins', country: 'GBR', pb: hms(2, 12, 17), finish: hms(2, 12, 40) },
  // Drops out after 25K (no later passings).
  { bib: '9', name: 'Tsegaye Kebede', displayName: 'Kebede', country: 'ETH', pb: hms(2, 4, 38), finish: hms(2, 14, 0) },
];
const DROPS_OUT_AFTER: Record<string, number> = { '9': 25_000 };
const women: Athlete[] = [
  { bib: 'F1', name: 'Jemima Sumgong', displayName: 'Sumgong', country: 'KEN', pb: hms(2, 20, 41), finish: hms(2, 22, 58) },
  { bib: 'F2', name: 'Tigist Tufa', displayName: 'Tufa', country: 'ETH', pb: hms(2, 21, 52), finish: hms(2, 23, 3) },
  { bib: 'F3', name: 'Florence Kiplagat', displayName: 'Kiplagat', country: 'KEN', pb: hms(2, 19, 44), finish: hms(2, 23, 39) },
  { bib: 'F4', name: 'Mary Keitany', displayName: 'Keitany', country: 'KEN', pb: hms(2, 18, 37), finish: hms(2, 24, 26) },
  { bib: 'F5', name: 'Mare Dibaba', displayName: 'Dibaba', country: 'ETH', pb: hms(2, 19, 52), finish: hms(2, 25, 10) },
  { bib: 'F6', name: 'Aselefech Mergia', displayName: 'Mergia', country: 'ETH', pb: hms(2, 19, 31), finish: hms(2, 27, 4) },
  { bib: 'F7', name: 'Sonia Samuels', displayName: 'Samuels', country: 'GBR', pb: hms(2, 28, 4), finish: hms(2, 28, 5) },
];

/** The leader's time at each point: through the show's own splits, evenly between them. */
function leaderCurve(anchors: [number, number][], metres: number): number {
  const sorted = [[0, 0] as [number, number], ...anchors].sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) {
    const [m0, t0] = sorted[i - 1]!;
    const [m1, t1] = sorted[i]!;
    if (metres <= m1) return Math.round(t0 + ((t1 - t0) * (metres - m0)) / (m1 - m0));
  }
  return sorted[sorted.length - 1]![1];
}

/** A small repeatable wobble (ms) so runners in a group are seconds apart, never identical. */
const wobble = (i: number, p: number) => ((i * 7919 + p * 104_729) % 2000) - 1000;

function racePassings(raceId: string, athletes: Athlete[], anchors: [number, number][], gunAtMs: number) {
  const winner = athletes[0]!.finish;
  const rows: FeedFile['passings'] = [];
  POINTS.forEach((point, p) => {
    const lead = leaderCurve([...anchors, [42_195, winner]], point.metres);
    const share = point.metres / 42_195;
    athletes.forEach((athlete, i) => {
      if (point.metres > (DROPS_OUT_AFTER[athlete.bib] ?? Infinity)) return;
      // Together early, apart late: the gap to the winner grows with the cube of the distance run.
      const gap = Math.round((athlete.finish - winner) * share ** 3);
      const elapsedMs = i === 0 ? lead : Math.max(lead + 1000 * i * (share < 0.5 ? 0 : 1), lead + gap + Math.abs(wobble(i, p)));
      const finish = point.metres === 42_195;
      // Feeds reach the hub a few seconds after the chip is read.
      rows.push({ atMs: gunAtMs + elapsedMs + 2000 + (i % 3) * 700, raceId, bib: athlete.bib, metres: point.metres, elapsedMs: finish ? athlete.finish : elapsedMs });
    });
  });
  return rows;
}

const menShow = show.races.find((r) => r.id === 'elite-men')!;
const womenShow = show.races.find((r) => r.id === 'elite-women')!;
const womenGunAt = 0;
const menGunAt = menShow.gunTime! - womenShow.gunTime!;
const passings = [
  ...racePassings('elite-men', men, menShow.splits.map((s) => [s.metres, s.elapsedMs]), menGunAt),
  ...racePassings('elite-women', women, womenShow.splits.map((s) => [s.metres, s.elapsedMs]), womenGunAt),
];
// What live feeds do: send a passing twice, correct one, and misread a chip.
const bekele20K = passings.find((p) => p.bib === '3' && p.metres === 20_000)!;
passings.push({ ...bekele20K, atMs: bekele20K.atMs + 4000, note: 'the same passing sent again (a duplicate)' });
passings.push({ ...bekele20K, atMs: bekele20K.atMs + 9000, elapsedMs: bekele20K.elapsedMs + 2000, note: 'a correction: 2 s later than first sent' });
const kebede25K = passings.find((p) => p.bib === '9' && p.metres === 25_000)!;
passings.push({ ...kebede25K, atMs: kebede25K.atMs + 1000, metres: 40_000, elapsedMs: kebede25K.elapsedMs + 300_000, note: 'a misread chip: 40K five minutes after his 25K (held as implausible)' });
passings.sort((a, b) => a.atMs - b.atMs);

const entrants = (athletes: Athlete[]) => athletes.map(({ bib, name, displayName, country, pb }) => ({ bib, name, displayName, country, category: 'ELITE', pbMs: pb }));
const file = FeedFile.parse({
  format: 'finishline-feed/1',
  rehearsal: true,
  description:
    'REHEARSAL FEED, NOT OFFICIAL RESULTS. The 2016 London Marathon elite races for rehearsing a show: the 10K, halfway and 15-mile leader times are the demo show\'s splits and the winners\' times its result cards; every other time, gap and order is invented (plausible, not real), and the field is a selection. Contains one duplicate, one correction and one misread chip on purpose.',
  races: [
    { raceId: 'elite-women', gunAtMs: womenGunAt, timingPoints: POINTS, entrants: entrants(women) },
    { raceId: 'elite-men', gunAtMs: menGunAt, timingPoints: POINTS, entrants: entrants(men) },
  ],
  passings,
});
writeFileSync(resolve(root, 'shows/feeds/london-2016-elite.rehearsal.json'), `${JSON.stringify(file, null, 1)}\n`);
console.log(`Wrote ${file.passings.length} passings`);
