import type { CrawlItem } from '../../protocol/crawlItem';
import type { GraphicSample } from '../graphicSample';

/** The 2016 London Marathon's crawl: the #GetInspired posts, a headline and the results. */
export const LONDON_CRAWL_ITEMS: CrawlItem[] = [
  { id: 'barron', kind: 'social', handle: 'Lindsay Barron', text: 'Good luck to all marathon runners today. Go on Tim Peake running it in Space! How ace!', tag: '#GetInspired' },
  { id: 'peake', kind: 'headline', text: 'Tim Peake starts the London Marathon from the International Space Station' },
  { id: 'ogier', kind: 'social', handle: 'Jamie Ogier', text: 'They just started the marathon from space. Genuinely the most amazing thing.', tag: '#GetInspired' },
  { id: 'men', kind: 'result', text: "Eliud Kipchoge wins the men's race for the second year running" },
  { id: 'hanrahan', kind: 'social', handle: 'Holly Hanrahan', text: 'Tim Peake starting the London Marathon from the International Space Station... Amazing!!', tag: '#GetInspired' },
  { id: 'women', kind: 'result', text: "Jemima Sumgong recovers from a fall to win the women's race" },
];

export const crawlSamples: GraphicSample[] = [
  {
    name: 'london',
    graphic: { kind: 'crawl', props: { label: '' } },
    update: { kind: 'crawl', props: { label: 'London Marathon' } },
    // Faster than on air (120), so the golden images catch every kind of item.
    show: { crawl: { running: true, speedPxPerS: 360, items: LONDON_CRAWL_ITEMS, changes: [] } },
  },
  {
    // Items in Russian, Greek and Latin with diacritics, all in the bundled faces.
    name: 'scripts',
    graphic: { kind: 'crawl', props: { label: 'Łódź' } },
    show: {
      crawl: {
        running: true,
        speedPxPerS: 360,
        items: [
          { id: 'ru', kind: 'headline', text: 'Гонсалес ведёт после 30 км' },
          { id: 'gr', kind: 'social', handle: 'Κώστας', text: 'Μπράβο σε όλους τους δρομείς!', tag: '#Αθήνα' },
          { id: 'ch', kind: 'result', text: 'Schär gewinnt in Łódź' },
        ],
        changes: [],
      },
    },
  },
];
