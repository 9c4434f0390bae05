// Quickstart: create a dataset, push 10,000 items, page through them with `for await`, then run
// an Actor and read what it produced.
// Run it with `pkg-scripts/quickstart` (starts a local Apify API emulator), or against the real
// API: APIFY_TOKEN=... node examples/quickstart.mjs
import { ApifyClient } from 'apify-client-wasm';

const client = new ApifyClient({
  token: process.env.APIFY_TOKEN,
  baseUrl: process.env.APIFY_BASE_URL, // unset: https://api.apify.com
});
const ms = (t0) => `${(performance.now() - t0).toFixed(0)} ms`;

// 1. A fresh dataset.
let t0 = performance.now();
const { id } = await client.datasets().getOrCreate();
const dataset = client.dataset(id);
console.log(`created dataset ${id} in ${ms(t0)}`);

try {
  // 2. Push 10,000 items in batches of 1,000.
  t0 = performance.now();
  for (let start = 0; start < 10_000; start += 1_000) {
    const batch = Array.from({ length: 1_000 }, (_, i) => ({ n: start + i, title: `Item ${start + i}` }));
    await dataset.pushItems(batch);
  }
  console.log(`pushed 10000 items in ${ms(t0)}`);

  // 3. `await` gives the first page...
  t0 = performance.now();
  const page = await dataset.listItems({ limit: 5 });
  console.log(`first page: ${page.count} of ${page.total} items, e.g. ${JSON.stringify(page.items[0])} (${ms(t0)})`);

  // 4. ...and `for await` walks every item, fetching pages of `chunkSize` as it goes.
  t0 = performance.now();
  let count = 0;
  let sum = 0;
  for await (const item of dataset.listItems({ chunkSize: 2_000 })) {
    count += 1;
    sum += item.n;
  }
  console.log(`iterated ${count} items (sum of n = ${sum}) in ${ms(t0)}`);
} finally {
  // 5. Clean up what we created.
  await dataset.delete();
  console.log(`deleted dataset ${id}`);
}

// 6. Run an Actor with an input and wait for it: `call()` starts the run and polls until it ends.
t0 = performance.now();
const run = await client.actor('apify/hello-world').call({ message: 'Hello from apify-client-wasm' }, { waitSecs: 120 });
console.log(`run ${run.id} of apify/hello-world finished ${run.status} in ${ms(t0)}`);

// 7. Read what it produced: its default dataset and its OUTPUT record.
const { items } = await client.dataset(run.defaultDatasetId).listItems();
console.log(`its dataset holds ${items.length} item(s), e.g. ${JSON.stringify(items[0])}`);
const output = await client.keyValueStore(run.defaultKeyValueStoreId).getRecord('OUTPUT');
console.log(`its OUTPUT record (${output?.contentType}): ${JSON.stringify(output?.value)}`);

// 8. Delete the run and its default storages, so that nothing we made is left behind.
await client.dataset(run.defaultDatasetId).delete();
await client.keyValueStore(run.defaultKeyValueStoreId).delete();
await client.run(run.id).delete();
console.log(`deleted run ${run.id} and its storages`);
console.log('client stats:', client.stats);
