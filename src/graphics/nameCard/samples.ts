import type { GraphicSample } from '../graphicSample';

export const nameCardSamples: GraphicSample[] = [
  {
    name: 'commentator',
    graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator on BBC One' } },
    update: { kind: 'nameCard', props: { name: 'Brendan Foster', role: 'Olympic medallist and BBC athletics commentator on BBC One' } },
  },
  {
    name: 'quote',
    graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator', quote: 'That was the fastest ever first half of a London Marathon.' } },
  },
  {
    // The longest of the demo quotes: on one line, uncut, in the default theme; on two in the night theme
    // (Noto Sans is wider), at full size rather than shrunk.
    name: 'quote-long',
    graphic: { kind: 'nameCard', props: { name: 'Brendan Foster', role: 'BBC athletics commentator', quote: 'Too many of these athletes are going far too fast. This pace is very, very fast.' } },
  },
  {
    // Long enough to shrink (the take) and then to be cut with an ellipsis (the update).
    name: 'long',
    graphic: { kind: 'nameCard', props: { name: 'Baroness Tanni Grey-Thompson', role: 'Ex-British Paralympic wheelchair racer on BBC One' } },
    update: {
      kind: 'nameCard',
      props: {
        name: 'Baroness Tanni Grey-Thompson of Eaglescliffe in the County of Durham, DBE, DL',
        role: 'Eleven-time Paralympic champion, six-time London Marathon winner, crossbench peer and athletics analyst on BBC One',
      },
    },
  },
  {
    // Diacritics and non-Latin scripts: Cyrillic and Greek come from the bundled fallback face (Noto Sans).
    name: 'scripts',
    graphic: { kind: 'nameCard', props: { name: 'Гонсалес Шварц', role: 'Κώστας Γιαννόπουλος, Ελλάδα' } },
    update: { kind: 'nameCard', props: { name: 'Nguyễn Thị Ánh Viên', role: 'Lukas Schär, Schweiz · Łódź · Ørsted' } },
  },
  {
    // Near the 240-character limit: wraps onto three lines (the panel grows upwards inside the region), then
    // updates to a shorter quote on two.
    name: 'quote-wrap',
    graphic: {
      kind: 'nameCard',
      props: {
        name: 'Steve Cram',
        role: 'BBC athletics commentator',
        quote:
          'Sumgong went down hard at the drinks station, got straight back up and then ran the last six miles as if nothing had happened. To win London after a fall like that takes real strength of mind, and years of training to back it up too.',
      },
    },
    update: {
      kind: 'nameCard',
      props: {
        name: 'Brendan Foster',
        role: 'BBC athletics commentator',
        quote: 'Kipchoge makes it look so easy. Two London wins in a row, and a course record that will take some beating.',
      },
    },
  },
];
