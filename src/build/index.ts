export { build, safeJoin, endpointPaths, type BuildOptions, type BuildResult, type BuildProgress } from './build.ts';
export { readManifest, GENERATOR_VERSION, MANIFEST_FILE, type Manifest, type ManifestApi, type ManifestEndpoint, type ManifestStatus } from './manifest.ts';
