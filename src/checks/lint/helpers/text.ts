/**
 * Labels and error codes come as `Validation Error`, `SuccessResponse`, `MESSAGE_LOG_NOT_EXISTS`,
 * `not-found`: one spelling for matching — lowercase words separated by single spaces.
 */
export function words(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-./:]+/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Object keys are matched case- and separator-insensitively: `status_code` = `statusCode`. */
export function keyName(key: string): string {
  return key.replace(/[_\-\s]/g, '').toLowerCase();
}

export { isPlainObject } from '../../../util/json.ts';
