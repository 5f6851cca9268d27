import { graphicsGoldenSuite } from './harness/graphicsGoldenSuite';

// Every sample of every kind, every theme, on WebGL (the canvas half is graphicsGolden.canvas.test.ts).
graphicsGoldenSuite('webgl');
