// Child process of pact-writer.ts: writes pact files through Pact's own core library (pact_ffi,
// via @pact-foundation/pact-core, the library the PactV4 consumer DSL is built on). Each
// interaction is described with the same calls the DSL makes (given, uponReceiving, comment,
// reference, pending, withRequest…, withStatus, withResponseBody with the DSL's MatchersV3 JSON)
// and Pact writes the file itself. Unlike the DSL, no mock server is started and no request is
// sent: the DSL only needs those to record interactions in a consumer test, and at full catalogue
// size they cost ~5 ms an interaction (28,000 interactions: minutes). The files are the same;
// test/contracts/pact-writer.test.ts holds them against the DSL's.
// Plain JavaScript so that the child starts without a TypeScript loader.
// @pact-foundation/pact-core is a declared dependency, pinned to the version @pact-foundation/pact
// is built with (one copy in node_modules; test/deps/private-apis.test.ts checks that).
import { createRequire } from 'node:module';
import core from '@pact-foundation/pact-core';

const pactCore = core.default ?? core;
// the DSL records its own version in the file's metadata; so does this writer, to write the same file
const pactVersion = createRequire(import.meta.url)('@pact-foundation/pact/package.json').version;
const V4 = 5; // FfiSpecificationVersion.SPECIFICATION_VERSION_V4

process.once('message', async (job) => {
  try {
    for (const contract of job.contracts) writeContract(job.consumer, job.dir, contract);
    process.send({ ok: true, value: null }, () => process.exit(0));
  } catch (error) {
    process.send({ ok: false, message: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
  }
});

const text = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

function writeContract(consumer, dir, contract) {
  const pact = pactCore.makeConsumerPact(consumer, contract.provider, V4, 'error');
  pact.addMetadata('pact-js', 'version', pactVersion);
  for (const interaction of contract.interactions) {
    const builder = pact.newInteraction('');
    builder.uponReceiving(interaction.description);
    builder.givenWithParams(interaction.state.name, JSON.stringify(interaction.state.params));
    builder.addTextComment(interaction.comment);
    for (const [group, name, value] of interaction.references) builder.addInteractionReference(group, name, value);
    if (interaction.pending) builder.setPending(true);
    const { request, response } = interaction;
    builder.withRequest(request.method, request.path);
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      (Array.isArray(value) ? value : [value]).forEach((item, index) => builder.withRequestHeader(name, index, text(item)));
    }
    for (const [name, value] of Object.entries(request.query ?? {})) {
      (Array.isArray(value) ? value : [value]).forEach((item, index) => builder.withQuery(name, index, text(item)));
    }
    if (request.body !== undefined) builder.withRequestBody(text(request.body), 'application/json');
    builder.withStatus(response.status);
    for (const [name, value] of Object.entries(response.headers)) builder.withResponseHeader(name, 0, text(value));
    builder.withResponseBody(text(response.body), 'application/json');
  }
  pact.writePactFile(dir, false);
}
