import { chromium } from 'playwright-core';
const B = process.env.B || 100000, S = process.env.S || 1000;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text().slice(0, 300)); });
page.on('pageerror', (e) => console.log('pageerror', e.message));
const t = Date.now();
await page.goto(`http://127.0.0.1:4173/index.html?bench=${B}&spans=${S}&store=1`);
await page.waitForFunction(() => document.querySelectorAll('.doc-text [data-ids]').length > 0, null, { polling: 'raf', timeout: 60_000 });
console.log('shown', Date.now() - t);
for (let i = 0; i < 60; i++) { const st = await page.locator('.status').textContent(); console.log(Date.now() - t, st.slice(0, 80)); if (st.startsWith('Saved')) break; await page.waitForTimeout(1000); }
console.log('records', await page.evaluate(async () => (await new PouchDB('text-annotator').allDocs()).rows.length));
await browser.close();
