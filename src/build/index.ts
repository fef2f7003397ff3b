export { build, type BuildOptions, type BuildResult, type BuildProgress } from './build.ts';
export { safeJoin, endpointPaths, displayPath } from './paths.ts';
export { readManifest, GENERATOR_VERSION, MANIFEST_FILE, type Manifest, type ManifestApi, type ManifestEndpoint, type ManifestStatus } from './manifest.ts';
