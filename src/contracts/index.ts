export { writeContracts, contractFindings, pactFileName, DEFAULT_CONSUMER, type WriteContractsOptions, type WriteContractsResult } from './write-contracts.ts';
export { contractsFor, type ApiContract, type ContractInteraction, type ContractOptions } from './interactions.ts';
export { inferMatchers, DATE_TIME_REGEX, TIME_REGEX, UUID_REGEX, type InferredMatchers, type MatcherNote } from './matchers.ts';
export { satisfies, mismatchAt, type MatcherNode } from './matcher-tree.ts';
export { toPact, DATE_FORMAT } from './to-pact.ts';
export { writePacts, JSON_CONTENT_TYPE_REGEX } from './pact-writer.ts';
export { readPact, normalisePact, rowIdOf, type PactDocument, type PactInteraction } from './pact-file.ts';
export { runPactProcess } from './pact-process.ts';
export {
  loadBindings,
  parseBindings,
  bindingOf,
  boundRequest,
  headerTemplates,
  resolveHeaders,
  type Bindings,
  type ApiBinding,
  type EndpointBinding,
  type BoundRequest,
  type ResolvedHeaders,
  bindingsFromModel,
} from './bindings.ts';
