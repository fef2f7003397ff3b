// The test oracle for src/contracts/pact-writer-child.js: the same pact job written through Pact's
// consumer DSL (PactV4), the way a Pact consumer test records interactions: each is registered
// with Pact's mock server and exercised once with a real HTTP request, then Pact writes (merges)
// the file into `dir`. apiconform's writer makes the library calls the DSL makes without the mock
// server; pact-writer.test.ts checks that both give the same files.
import http from 'node:http';
import pact from '@pact-foundation/pact';

const { PactV4 } = pact;

process.once('message', async (job) => {
  try {
    for (const contract of job.contracts) await writeContract(job.consumer, job.dir, { provider: contract.provider, chunks: chunks(contract.interactions) });
    process.send({ ok: true, value: null }, () => process.exit(0));
  } catch (error) {
    process.send({ ok: false, message: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
  }
});

async function writeContract(consumer, dir, contract) {
  // One mock server per chunk (see pact-writer.ts for why chunks are small and distinct).
  for (const chunk of contract.chunks) {
    const pactV4 = new PactV4({ consumer, provider: contract.provider, dir, logLevel: 'error' });
    let last;
    for (const interaction of chunk) {
      let builder = pactV4
        .addInteraction()
        .given(interaction.state.name, interaction.state.params)
        .uponReceiving(interaction.description)
        .comment(interaction.comment);
      for (const [group, name, value] of interaction.references) builder = builder.reference(group, name, value);
      if (interaction.pending) builder = builder.pending(true);
      const { request, response } = interaction;
      last = builder
        .withRequest(request.method, request.path, (b) => {
          b.headers(request.headers);
          if (request.query) b.query(request.query);
          if (request.body !== undefined) b.jsonBody(request.body);
        })
        .willRespondWith(response.status, (b) => {
          b.headers(response.headers);
          b.jsonBody(response.body);
        });
    }
    await last.executeTest(async (server) => {
      // Sequential: Pact's mock server loses matches under concurrent requests.
      for (const interaction of chunk) await exercise(server.url, interaction.request);
      await matchesRecorded(last, server.port);
    });
  }
}

/**
 * Pact's mock server records a match after it has sent the response, so the last request of a
 * chunk can still be unrecorded when executeTest checks (and reports it "expected but not
 * received"). Wait, briefly and boundedly, until the server says every interaction matched.
 */
async function matchesRecorded(interaction, port) {
  const handle = interaction.pact; // pact-core's ConsumerPact behind the DSL object
  if (typeof handle?.mockServerMatchedSuccessfully !== 'function') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return;
  }
  const deadline = Date.now() + 5000;
  while (!handle.mockServerMatchedSuccessfully(port) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
}

function exercise(baseUrl, request) {
  const url = new URL(request.path, baseUrl);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, item);
  }
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  return new Promise((resolve) => {
    // A fresh connection each time: a pooled one could outlive the mock server it was opened to.
    const req = http.request(url, { method: request.method, headers: request.headers, agent: false }, (res) => {
      res.resume();
      res.on('end', resolve);
      res.on('error', resolve);
    });
    // What counts is that Pact's mock server saw the request (it reports unmatched ones itself);
    // a status it cannot send back (1xx) breaks the connection, and that is expected here.
    req.on('error', resolve);
    req.end(body);
  });
}

/** Mock-server chunks of at most 8 interactions, no two with the same request (ambiguous for the mock). */
function chunks(interactions) {
  const out = [];
  for (const interaction of interactions) {
    const key = JSON.stringify(interaction.request);
    let chunk = out.find((c) => c.items.length < 8 && !c.keys.has(key));
    if (!chunk) out.push((chunk = { items: [], keys: new Set() }));
    chunk.items.push(interaction);
    chunk.keys.add(key);
  }
  return out.map((c) => c.items);
}
