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
    // The longest of the demo quotes: it must fit on one line without being cut.
    name: 'quote-long',
    graphic: { kind: 'nameCard', props: { name: 'Brendan Foster', role: 'BBC athletics commentator', quote: 'Too many of these athletes are going far too fast. This pace is very, very fast.' } },
  },
];
