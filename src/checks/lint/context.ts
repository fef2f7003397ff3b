import type { FindingDraft } from '../../rules/types.ts';
import type { Api, Endpoint, Example } from '../../model/types.ts';
import type { NormalisedSchema, StatusSchema } from '../../schemas/index.ts';
import type { SchemaCompiler } from '../conformance/compiler.ts';
import type { ExampleSite, SchemaIndex } from '../conformance/schema-index.ts';
import { exampleSource } from '../conformance/text.ts';
import { errorKindOf, type ErrorKindReading } from './helpers/error-kind.ts';
import { errorSignal, type ErrorSignal } from './helpers/error-signal.ts';
import { readLabel, type LabelReading } from './helpers/label.ts';
import { validationBody, type ValidationBody } from './helpers/validation-body.ts';

/** What an example's label and body say, read once and shared by the rules. */
export interface ExampleReading {
  label: LabelReading;
  /** The body has a framework's validation-error shape. */
  validation?: ValidationBody;
  /** The kind of error the example documents, when its label or body says. */
  errorKind?: ErrorKindReading;
  /** The body reports failure by its own convention (`success: false`…). */
  errorSignal?: ErrorSignal;
}

/**
 * Everything a lint rule may look at, resolved once per run: the examples of the APIs being
 * linted, in order, the normalised schemas (shared with example conformance), the compiler (for "does ajv
 * compile it?") and per-example readings of labels and bodies.
 */
export class LintContext {
  private readonly readings = new Map<Example, ExampleReading>();
  private apiGroups: Map<Api, ExampleSite[]> | undefined;
  private endpointGroups: Map<Endpoint, ExampleSite[]> | undefined;

  constructor(
    /** The examples the rules look at: whole APIs, in model order (every rule works within an API). */
    readonly sites: readonly ExampleSite[],
    readonly schemas: SchemaIndex,
    readonly compiler: SchemaCompiler,
    /** Report the normaliser's `schema/invalid` problems (off when `build` already has). */
    readonly normaliserProblems: boolean,
  ) {}

  /** The examples of each API, in model order. */
  byApi(): Map<Api, ExampleSite[]> {
    return (this.apiGroups ??= groupBy(this.sites, (site) => site.api));
  }

  /** The examples of each endpoint, in model order. */
  byEndpoint(): Iterable<ExampleSite[]> {
    return (this.endpointGroups ??= groupBy(this.sites, (site) => site.endpoint)).values();
  }

  /** The first example of every endpoint × status: where response-level findings point. */
  *responseSites(): Generator<ExampleSite> {
    for (const site of this.sites) if (site.example === site.response.examples[0]) yield site;
  }

  read(example: Example): ExampleReading {
    let reading = this.readings.get(example);
    if (!reading) {
      const validation = validationBody(example.body);
      const errorKind = errorKindOf(example.summary, example.body);
      const signal = errorSignal(example.body);
      reading = {
        label: readLabel(example.summary),
        ...(validation ? { validation } : {}),
        ...(errorKind ? { errorKind } : {}),
        ...(signal ? { errorSignal: signal } : {}),
      };
      this.readings.set(example, reading);
    }
    return reading;
  }

  normalised(example: Example): NormalisedSchema {
    return this.schemas.normalised(example);
  }

  statusSchema(site: ExampleSite): StatusSchema {
    return this.schemas.statusSchema(site.api, site.endpoint, site.response.status);
  }

  /** A finding about one example: api, endpoint, status, example index and source filled in. */
  draft(site: ExampleSite, fields: DraftFields): FindingDraft {
    return { ...this.draftResponse(site, fields), example: site.example.exampleIndex };
  }

  /** A finding about one status of an endpoint (all its examples); the source is `site`'s row. */
  draftResponse(site: ExampleSite, fields: DraftFields): FindingDraft {
    return { ...this.draftEndpoint(site, fields), status: site.response.status };
  }

  /** A finding about a whole endpoint; the source is `site`'s row. */
  draftEndpoint(site: ExampleSite, fields: DraftFields): FindingDraft {
    return {
      api: site.api.slug,
      endpoint: site.endpoint.slug,
      ...(fields.pointer !== undefined ? { pointer: fields.pointer } : {}),
      message: fields.message,
      ...(fields.evidence !== undefined ? { evidence: fields.evidence } : {}),
      source: exampleSource(site),
    };
  }
}

export interface DraftFields {
  /** JSON pointer into the body (or, for schema rules, into the schema). */
  pointer?: string;
  message: string;
  evidence?: unknown;
}

function groupBy<K, T>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
