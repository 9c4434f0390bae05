// The demo's logic: every call below is the same as with the official apify-client.
import { ApifyClient, ApifyApiError } from '../pkg/index.js';

const $ = (id) => document.getElementById(id);
const out = $('out');
const params = new URLSearchParams(location.search);
if (params.get('baseUrl')) $('baseUrl').value = params.get('baseUrl');
if (params.get('token')) $('token').value = params.get('token');

let datasetId;
const client = () => new ApifyClient({ baseUrl: $('baseUrl').value.trim(), token: $('token').value.trim() || undefined });

function print(text, isError = false) {
  out.textContent = text;
  out.className = isError ? 'err' : '';
}

async function action(button, run) {
  button.disabled = true;
  try {
    const t0 = performance.now();
    const text = await run();
    print(`${text}\n(${(performance.now() - t0).toFixed(0)} ms)`);
  } catch (e) {
    const detail = e instanceof ApifyApiError ? ` [${e.statusCode} ${e.type}]` : '';
    print(`${e.name}: ${e.message}${detail}`, true);
  } finally {
    button.disabled = false;
  }
}

$('push').addEventListener('click', (ev) =>
  action(ev.target, async () => {
    const ds = await client().datasets().getOrCreate();
    datasetId = ds.id;
    const items = Array.from({ length: 1000 }, (_, i) => ({ n: i, title: `Item ${i}` }));
    await client().dataset(ds.id).pushItems(items);
    $('iterate').disabled = false;
    return `dataset ${ds.id}: pushed ${items.length} items`;
  }),
);

$('iterate').addEventListener('click', (ev) =>
  action(ev.target, async () => {
    let count = 0;
    let last;
    for await (const item of client().dataset(datasetId).listItems({ chunkSize: 250 })) {
      count += 1;
      last = item;
    }
    return `iterated ${count} items in pages of 250; last: ${JSON.stringify(last)}`;
  }),
);

$('list').addEventListener('click', (ev) =>
  action(ev.target, async () => {
    const page = await client().datasets().list({ desc: true, limit: 10, unnamed: true });
    const rows = page.items.map((d) => `${d.id}  ${d.name ?? '(unnamed)'}  ${d.itemCount} items  ${d.createdAt.toISOString()}`);
    return `${page.total} datasets\n${rows.join('\n')}`;
  }),
);

// Usable once this module has run, which is after the wasm is instantiated (the package's entry
// awaits it at top level, and a page's load event does not wait for that).
$('push').disabled = false;
$('list').disabled = false;
