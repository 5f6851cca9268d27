import { graphicsGoldenSuite } from './harness/graphicsGoldenSuite';

// Every sample of every kind, every theme, on Pixi's canvas renderer (the WebGL half is graphicsGolden.webgl.test.ts).
graphicsGoldenSuite('canvas');
