// Child process of run-verifier.ts: runs Pact's provider verifier (the native pact_ffi verifier)
// and sends back its JSON result; the report it prints to stdout is captured by the parent.
// It calls pact-core's verifyPacts, which @pact-foundation/pact's `Verifier` class wraps: that
// wrapper puts an Express proxy in front of the provider for state handlers and request filters,
// which apiconform does not use (its recording proxy adds headers), and the extra hop and state
// calls made verification three times slower (100 interactions: 2.0 s → 0.7 s).
// @pact-foundation/pact-core is a declared dependency, pinned to the version @pact-foundation/pact
// is built with (one copy in node_modules; test/verify/pact-core.test.ts checks that).
// Plain JavaScript so that the child starts without a TypeScript loader.
import core from '@pact-foundation/pact-core';

const pactCore = core.default ?? core;

process.once('message', async (job) => {
  try {
    const json = await pactCore.verifyPacts({
      providerBaseUrl: job.providerBaseUrl,
      pactUrls: job.pactUrls,
      timeout: job.timeoutMs,
      logLevel: 'error',
    });
    reply({ ok: true, value: { json } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A failed verification rejects with the verifier's JSON result as the message.
    if (message.trimStart().startsWith('{')) reply({ ok: true, value: { json: message } });
    else reply({ ok: false, message });
  }
});

function reply(message) {
  process.send(message, () => process.exit(0));
}
