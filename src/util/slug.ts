/**
 * Slugs name folders and files, so they must be safe whatever the catalogue says (README:
 * file names are slugs that cannot leave the output folder): lowercase ASCII, `-` separated, at
 * most 64 chars, unique among siblings by a uuid suffix, never empty, `.` or `..`.
 */
export const MAX_SLUG_LENGTH = 64;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Accents stripped ("Café" → "Cafe"); most names are plain ASCII already and skip the work. */
function toAscii(name: string): string {
  return PRINTABLE_ASCII.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** `"D7API - Check Balance"` → `"d7api-check-balance"`; never empty (falls back to `fallback`). */
export function slugify(name: string, fallback: string): string {
  const ascii = toAscii(name)
    .replace(/([a-z])([A-Z])/g, '$1-$2') // "getVehicles" → "get-Vehicles"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const trimmed = truncateAtDash(ascii, MAX_SLUG_LENGTH);
  return trimmed.length > 0 ? trimmed : fallback;
}

function truncateAtDash(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > max / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

export interface Sluggable {
  id: string;
  name: string;
}

/**
 * Assigns each item a slug unique among its siblings. Collisions are settled without looking at
 * order: every item whose base slug is shared gets `-<first 8 hex of its uuid>` (more if even
 * that collides), so the result does not depend on row order, and adding or removing an
 * endpoint only ever renames endpoints that share its exact name.
 */
export function assignSlugs<T extends Sluggable>(items: readonly T[], fallbackPrefix: string): Map<string, string> {
  const bases = new Map<string, T[]>();
  for (const item of items) {
    const base = slugify(item.name, `${fallbackPrefix}-${compactId(item.id).slice(0, 8)}`);
    const group = bases.get(base);
    if (group) group.push(item);
    else bases.set(base, [item]);
  }
  const taken = new Set<string>();
  const result = new Map<string, string>();
  for (const [base, group] of bases) if (group.length === 1) taken.add(base);
  for (const [base, group] of bases) {
    if (group.length === 1) {
      result.set(group[0]!.id, base);
      continue;
    }
    for (const item of group) {
      const id = compactId(item.id);
      let length = 8;
      let slug = withSuffix(base, id.slice(0, length));
      while (taken.has(slug) && length < id.length) slug = withSuffix(base, id.slice(0, ++length));
      taken.add(slug);
      result.set(item.id, slug);
    }
  }
  return result;
}

function withSuffix(base: string, suffix: string): string {
  return `${truncateAtDash(base, MAX_SLUG_LENGTH - suffix.length - 1)}-${suffix}`;
}

function compactId(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** PascalCase identifier for TypeScript names: `"Send Viber Message"` → `"SendViberMessage"`. */
export function pascalCase(name: string, fallback: string): string {
  const words = toAscii(name)
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  let out = words.map((w) => (w === w.toUpperCase() && w.length > 1 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  if (out.length === 0) out = fallback;
  if (/^[0-9]/.test(out)) out = `_${out}`;
  return out.slice(0, 80);
}
