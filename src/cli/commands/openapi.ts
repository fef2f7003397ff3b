import type { Command } from 'commander';
import { commandContext, type GlobalFlags, type Runner } from '../context.ts';
import { EXIT } from '../exit-codes.ts';

interface OpenApiFlags extends GlobalFlags {
  out?: string;
  bindings?: string;
}

export function registerOpenApi(program: Command, run: Runner): void {
  program
    .command('openapi')
    .summary('catalogue → one OpenAPI 3.1 document per API (for Prism, Redocly, oasdiff…)')
    .description(
      'Writes <out>/<api>.openapi.json for each API of the catalogue: a path per endpoint, every status with its JSON Schema 2020-12 ' +
        '(the one build writes) and its examples, equal schemas shared in components/schemas. Deterministic. Methods and paths come ' +
        'from --bindings, else from the catalogue when it is an OpenAPI document; otherwise each endpoint is written as GET /<api>/<endpoint> ' +
        '(the mock provider\'s route; the server is the mock) and marked "x-apiconform-placeholder": true.',
    )
    .argument('[catalogue]', 'catalogue file or OpenAPI document (default: data/catalogue.csv)')
    .option('--out <dir>', 'output folder (default: openapi)')
    .option('--bindings <file>', 'bindings file (YAML/JSON): real methods, paths and base URLs')
    .addHelpText('after', '\nExamples:\n  npx apiconform openapi\n  npx apiconform openapi data/catalogue.csv --out /tmp/openapi --bindings bindings.yaml\n')
    .action((catalogue: string | undefined, _o: OpenApiFlags, command: Command) =>
      run(async () => {
        const flags = command.optsWithGlobals<OpenApiFlags>();
        const { config, output, json } = await commandContext(flags, { catalogue });
        const { writeOpenApi } = await import('../../openapi/index.ts');
        const out = flags.out ?? 'openapi';
        const result = await writeOpenApi({ catalogue: config.catalogue, out, strict: config.strict, ...(flags.bindings ? { bindings: flags.bindings } : {}) });
        if (json) output.result(JSON.stringify(result, null, 2));
        else {
          const placeholder = result.placeholders > 0 ? ` (${result.placeholders} under a placeholder GET /<api>/<endpoint>: no method or path known)` : '';
          output.info(`openapi: ${result.files.length} documents, ${result.endpoints} endpoints${placeholder} in ${out}/ (${(result.durationMs / 1000).toFixed(1)} s)`);
        }
        return EXIT.clean;
      }),
    );
}
