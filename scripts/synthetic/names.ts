/**
 * Names and texts of synthetic APIs and endpoints, in the dataset's mix of styles: provider names
 * with suffixes (`Whatsapp Checker PRO`, `PhoneNumberValidateFree`), endpoint labels in title
 * case, camelCase operation ids (Enode), lower case, upper case and prefixed (`D7API - Check
 * Balance`), descriptions from empty to 500 characters.
 */
import type { Random } from './random.ts';
import type { SeedMaterial } from './seed.ts';
import {
  API_DOMAINS, API_NOUNS, API_SUFFIXES, DESCRIPTION_OPENINGS, DESCRIPTION_SENTENCES, ENDPOINT_DESCRIPTIONS,
  ENDPOINT_NOUNS, ENDPOINT_QUALIFIERS, ENDPOINT_VERBS,
} from './vocabulary.ts';

export type EndpointNameStyle = 'title' | 'camel' | 'lower' | 'upper' | 'prefixed';

export function apiName(seed: SeedMaterial, random: Random): { name: string; domain: string } {
  const domain = random.pick(API_DOMAINS);
  const roll = random.next();
  let name: string;
  if (roll < 0.1) name = `${random.pick(seed.apiNames)}${random.pick([' ', ''])}${random.pick(API_SUFFIXES)}`;
  else if (roll < 0.65) name = `${domain} ${random.pick(API_NOUNS)}`;
  else if (roll < 0.8) name = `${domain}${random.pick(API_NOUNS).replace(/ /g, '')}`;
  else if (roll < 0.93) name = `${domain} ${random.pick(API_NOUNS)} ${random.pick(API_SUFFIXES)}`;
  else name = `${random.pick(['Real', 'Fast', 'Open', 'Smart', 'My', 'The', "Bob's", 'Easy'])} ${domain.toLowerCase()} ${random.pick(API_NOUNS).toLowerCase()}`;
  return { name: name.slice(0, 76), domain };
}

/** A sibling API of the same provider (`… Free`, `… PRO`), as PhoneNumberValidate has. */
export function cloneApiName(name: string, random: Random): string {
  return `${name}${random.pick(['Free', ' Free', ' PRO', ' v2', ' Lite', ' (Backup)'])}`.slice(0, 76);
}

export function apiDescription(name: string, domain: string, seed: SeedMaterial, random: Random): string {
  if (random.chance(0.05)) return random.pick(seed.apiDescriptions);
  const fill = (t: string) => t.replace('{domain}', domain.toLowerCase()).replace('{name}', name);
  const parts = [fill(random.pick(DESCRIPTION_OPENINGS))];
  for (let i = random.weighted([[0, 20], [1, 30], [2, 25], [4, 15], [7, 10]]); i > 0; i--) parts.push(random.pick(DESCRIPTION_SENTENCES));
  return parts.join(' ').slice(0, 500).trim();
}

export function apiScore(random: Random): number | null {
  if (random.chance(0.3)) return null;
  const band = random.weighted<[number, number]>([[[8, 10], 60], [[5, 8], 30], [[0, 5], 10]]);
  return Math.round((band[0] + random.next() * (band[1] - band[0])) * 10) / 10;
}

export function endpointNameStyle(random: Random): EndpointNameStyle {
  return random.weighted<EndpointNameStyle>([['title', 60], ['camel', 18], ['lower', 10], ['upper', 4], ['prefixed', 8]]);
}

export function endpointName(style: EndpointNameStyle, apiName: string, seed: SeedMaterial, random: Random): { name: string; verb: string; noun: string } {
  const verb = random.pick(ENDPOINT_VERBS);
  const noun = random.pick(ENDPOINT_NOUNS);
  const qualifier = random.chance(0.3) ? ` ${random.pick(ENDPOINT_QUALIFIERS)}` : '';
  const words = `${verb} ${noun}${qualifier}`;
  let name: string;
  switch (style) {
    case 'title':
      name = random.chance(0.03) ? random.pick(seed.endpointNames) : words;
      break;
    case 'camel':
      name = words
        .replace(/[^A-Za-z0-9 ]/g, '')
        .split(' ')
        .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
        .join('');
      break;
    case 'lower':
      name = words.toLowerCase();
      break;
    case 'upper':
      name = words.toUpperCase();
      break;
    case 'prefixed':
      name = `${apiName.split(/\s+/)[0]} - ${words}`;
      break;
  }
  return { name: name.slice(0, 190), verb: verb.toLowerCase(), noun: noun.toLowerCase() };
}

export function endpointDescription(verb: string, noun: string, seed: SeedMaterial, random: Random): string {
  if (random.chance(0.07)) return ''; // the dataset leaves a share of endpoint descriptions empty
  if (random.chance(0.05)) return random.pick(seed.endpointDescriptions);
  const text = random.pick(ENDPOINT_DESCRIPTIONS).replace('{verb}', verb).replace('{noun}', noun).replace('{verb}', verb).replace('{noun}', noun);
  const more = random.chance(0.3) ? ` ${random.pick(DESCRIPTION_SENTENCES)}` : '';
  return (text.charAt(0).toUpperCase() + text.slice(1) + more).slice(0, 500);
}
