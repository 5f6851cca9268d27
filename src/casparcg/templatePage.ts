import { contractOf, type GraphicKind } from '../protocol/graphicSpec';
import { templateFields, type TemplateField } from './templateFields';

/** SPX's field types for each kind of template field (SPX shows a JSON field as a text area). */
const SPX_TYPES: Record<TemplateField['type'], string> = { text: 'textfield', textarea: 'textarea', number: 'number', boolean: 'checkbox', select: 'dropdown', json: 'textarea' };

/**
 * The HTML of a kind's CasparCG template: SPX's `SPXGCTemplateDefinition` (so SPX lists it with its fields),
 * stand-ins for CasparCG's globals that keep any call made before the graphic's module has run, and the
 * module that runs the template (src/casparcg/casparTemplate.ts) from the library beside it.
 */
export function casparcgTemplateHtml(kind: GraphicKind, options: { library: string; themes: readonly string[] }): string {
  const contract = contractOf(kind);
  const fields = templateFields(kind, options.themes);
  const definition = {
    description: `Finishline ${contract.title}`,
    playserver: 'OVERLAY',
    playchannel: '1',
    playlayer: '7',
    webplayout: '7',
    steps: '1',
    out: 'manual',
    uicolor: '2',
    dataformat: 'json',
    DataFields: fields.map((field) => ({
      field: field.id,
      ftype: SPX_TYPES[field.type],
      title: field.title,
      value: field.value,
      ...(field.options ? { items: field.options.map((option) => ({ text: option, value: option })) } : {}),
    })),
  };
  const json = (value: unknown) => JSON.stringify(value, null, 2).replace(/</g, '\\u003c');
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>Finishline ${contract.title}</title>
<!-- CasparCG: CG ADD with this file; update() takes templateData XML (componentData ids as below, or f0, f1, ... in this order) or JSON. -->
<!-- Fields: ${fields.map((field, i) => `f${i} = ${field.id}`).join(', ')} -->
<style>html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }</style>
<script>
window.SPXGCTemplateDefinition = ${json(definition)};
window.__finishlineCalls = [];
for (const name of ['update', 'play', 'next', 'stop', 'remove']) window[name] = (...args) => { window.__finishlineCalls.push([name, args]); };
</script>
</head>
<body>
<script type="module">
import { runCasparTemplate } from './${options.library}';
runCasparTemplate(${JSON.stringify(kind)}, ${JSON.stringify(options.themes)});
</script>
</body>
</html>
`;
}
