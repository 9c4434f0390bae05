// The www/ demo app, clicked through in headless Chromium against the emulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium } from '../../pkg-scripts/node_modules/playwright-core/index.mjs';
import { startEmulator, account } from '../api/emulator.mjs';
import { serveStatic } from './static-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
let emu, site, browser;

before(async () => {
  emu = await startEmulator();
  site = await serveStatic(root);
  // playwright gives every launch a fresh temporary profile of its own.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await emu?.stop();
});

test('push, iterate and list from the demo page', { timeout: 60_000 }, async () => {
  const { token } = account(emu.url);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}/www/index.html?baseUrl=${encodeURIComponent(emu.url)}&token=${token}`);
  const out = page.locator('#out');

  await page.click('#push');
  await page.waitForFunction(() => /pushed 1000 items/.test(document.querySelector('#out').textContent), null, { timeout: 20_000 });
  await page.click('#iterate');
  await page.waitForFunction(() => /iterated 1000 items/.test(document.querySelector('#out').textContent), null, { timeout: 20_000 });
  assert.match(await out.textContent(), /last: \{"n":999,"title":"Item 999"\}/);

  await page.click('#list');
  await page.waitForFunction(() => /datasets\n/.test(document.querySelector('#out').textContent), null, { timeout: 20_000 });
  assert.match(await out.textContent(), /^1 datasets\n\w+ {2}\(unnamed\) {2}1000 items/);
  if (process.env.DEMO_SCREENSHOT) await page.screenshot({ path: process.env.DEMO_SCREENSHOT });

  await page.fill('#token', '');
  await page.click('#list');
  await page.waitForFunction(() => document.querySelector('#out').className === 'err', null, { timeout: 20_000 });
  assert.match(await out.textContent(), /ApifyApiError: .* \[401 token-not-provided\]/);
  assert.deepEqual(errors, []);
});
