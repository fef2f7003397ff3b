export { compileBodyDeclarations, renameDeclarations, PLACEHOLDER } from './compile-body.ts';
export { endpointTypesFile, apiTypesIndex, typesIndex, bodyTypeName, responseTypeName, GENERATED_BANNER } from './endpoint-file.ts';
export { formatDeclarations } from './format.ts';
