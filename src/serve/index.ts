export { startMockServer, formatLogEntry, type MockServer, type MockServerOptions, type RequestLogEntry } from './server.ts';
export { loadMutations, parseMutations, applyMutation, changeType, MUTATION_KINDS, type Mutation, type MutationKind, type Mutations } from './mutations.ts';
export { buildRoutes, mockRoutePath, defaultResponseOf, isServable, type MockRoute, type RouteTable } from './routes.ts';
export { parsePrefer, formatPrefer, type Preferences } from './prefer.ts';
export { answer, ENDPOINTS_PATH, type MockAnswer, type MockRequest, type DynamicBody } from './respond.ts';
export { defaultDynamicBody } from './dynamic-body.ts';
export { serve, type ServeOptions, type ServeResult } from './serve.ts';
