export { startPlatform } from './platform.js';
export type { PlatformOptions, RunningPlatform } from './platform.js';
export { SUBGRAPHS } from './subgraphs.js';
export { composePlatform, writeComposition, compositionIsCurrent } from './compose.js';
