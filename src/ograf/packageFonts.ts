import fontsCss from './packageFonts.css?url';

let declared: Promise<void> | null = null;

/**
 * Declares the bundled font faces in the host's document, once per page: the package's own stylesheet, its
 * font files beside it (resolved from the module's URL, never fetched from the internet). A canvas draws
 * text with the document's fonts, so they go in the document even when the graphic is in a shadow root.
 */
export function declareFonts(doc: Document): Promise<void> {
  declared ??= new Promise<void>((resolve, reject) => {
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(fontsCss, import.meta.url).href;
    link.dataset.finishlineFonts = '';
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`Could not load the graphic's fonts from ${link.href}`));
    doc.head.appendChild(link);
  });
  return declared;
}
