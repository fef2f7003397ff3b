export { createAjv } from './ajv.ts';
export { compileLinearRegExp, linearRegExpEngine, patternProblem, toRe2Syntax } from './regexp.ts';
