import { contractOf, type GraphicKind } from '../protocol/graphicSpec';
import { gddSchema } from './gddSchema';
import { customActionsOf } from './customActions';
import { defaultData, packageDataSchema, packageId } from './packageData';

export const OGRAF_MANIFEST_SCHEMA = 'https://ograf.ebu.io/v1/specification/json-schemas/graphics/schema.json';

/**
 * The OGraf v1 manifest (`<id>.ograf.json`) of a kind's package: one step (play puts it on, stop takes it off),
 * real time and non-real time (the renderer draws any time exactly), data schema from the kind's zod props.
 * Drawn for a 16:9 frame at any size from 720p to 2160p (1080p is the design size), at any of the output
 * frame rates Finishline supports.
 */
export function ografManifest(kind: GraphicKind, options: { version: string; themes: readonly string[] }) {
  const contract = contractOf(kind);
  const id = packageId(kind);
  const customActions = customActionsOf(kind);
  return {
    $schema: OGRAF_MANIFEST_SCHEMA,
    id,
    version: options.version,
    name: `Finishline ${contract.title}`,
    description: `${contract.title} from Finishline's race graphics, drawn by the same renderer as its output page (Pixi, canvas or WebGL). Data fields as the hub's ${kind} props.`,
    author: { name: 'Finishline' },
    main: `${id}.mjs`,
    supportsRealTime: true,
    supportsNonRealTime: true,
    stepCount: 1,
    schema: gddSchema(packageDataSchema(kind, options.themes), defaultData(kind)),
    ...(customActions.length > 0 ? { customActions } : {}),
    renderRequirements: [
      {
        resolution: { width: { min: 1280, max: 3840, ideal: 1920 }, height: { min: 720, max: 2160, ideal: 1080 } },
        frameRate: { min: 25, max: 60, ideal: 50 },
      },
    ],
    v_finishlineKind: kind,
  };
}
