import type { GraphicAsset } from './graphicDefinition';

// Every flag from the flag-icons package, as a lazy import: the build emits one small file per flag and a
// page fetches only the flags it shows, when a graphic first needs one (never all 270 at start-up).
const flagUrls = import.meta.glob<string>('/node_modules/flag-icons/flags/4x3/*.svg', { query: '?url', import: 'default' });

/** Flags are 4:3, rasterised once per page at this size (design px) and scaled down where drawn smaller. */
export const FLAG_RASTER = { width: 128, height: 96 } as const;

/** The alias a flag's texture has in Pixi's Assets cache (see loadedTexture). */
export function flagAlias(alpha2: string): string {
  return `flag:${alpha2.toUpperCase()}`;
}

/** The flag of an ISO 3166-1 alpha-2 country, as an asset a graphic declares it needs. */
export function flagAsset(alpha2: string): GraphicAsset {
  const file = `/node_modules/flag-icons/flags/4x3/${alpha2.toLowerCase()}.svg`;
  return {
    alias: flagAlias(alpha2),
    ...FLAG_RASTER,
    url() {
      const load = flagUrls[file];
      return load ? load() : Promise.reject(new Error(`flag-icons has no flag for ${alpha2}`));
    },
  };
}
