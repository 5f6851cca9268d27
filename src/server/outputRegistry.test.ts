import { afterEach, describe, expect, it } from 'vitest';
import { createOutputRegistry } from './outputRegistry';

const registries: ReturnType<typeof createOutputRegistry>[] = [];
afterEach(() => registries.splice(0).forEach((r) => r.close()));
function registry() {
  const made = createOutputRegistry({ onChange: () => {}, now: () => 1000 });
  registries.push(made);
  return made;
}
const names = (r: ReturnType<typeof registry>) => r.list().map((o) => `${o.name}:${o.connected ? 'on' : 'gone'}`);

describe('the outputs list', () => {
  it('lists a named output that reloads once: its new connection replaces the disconnected one of the same name', () => {
    const outputs = registry();
    outputs.connected('a', 'Air1');
    outputs.connected('b', 'Backup');
    outputs.disconnected('a');
    outputs.connected('c', 'Air1');
    expect(names(outputs)).toEqual(['Backup:on', 'Air1:on']);
  });

  it('keeps two connected outputs of one name, and unnamed disconnected outputs, listed apart', () => {
    const outputs = registry();
    outputs.connected('a', 'Air1');
    outputs.connected('b', 'Air1');
    outputs.connected('c', '');
    outputs.disconnected('c');
    outputs.connected('d', '');
    expect(names(outputs)).toEqual(['Air1:on', 'Air1:on', ':gone', ':on']);
  });

  it('drops a disconnected entry whose name an output is given in the panel', () => {
    const outputs = registry();
    outputs.connected('a', 'Air1');
    outputs.disconnected('a');
    outputs.connected('b', '');
    outputs.renamed('b', 'Air1');
    expect(names(outputs)).toEqual(['Air1:on']);
  });
});
