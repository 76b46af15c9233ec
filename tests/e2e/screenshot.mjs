// Makes docs/screenshot.png for the README: the default article with a claim that contains
// its actor and date, driven like a person. Run after `trunk build --release`:
//   node tests/e2e/screenshot.mjs
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { dragSelect } from './helpers.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const PORT = 4175;
const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', path.join(root, 'dist')], { stdio: 'ignore' });
process.on('exit', () => server.kill());
for (let i = 0; i < 100; i++) {
  try { if ((await fetch(`http://127.0.0.1:${PORT}/index.html`)).ok) break; } catch {}
  await new Promise((r) => setTimeout(r, 100));
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: Number(process.env.WIDTH || 1280), height: Number(process.env.HEIGHT || 760) } });
await page.goto(`http://127.0.0.1:${PORT}/index.html`);
await page.evaluate(async () => { localStorage.clear(); await new PouchDB('text-annotator').destroy(); });
await page.reload();
await page.waitForSelector('.doc-text p');
const steps = [
  ['Russian Ministry of Foreign Affairs', '1'],
  ['January 24', '3'],
  ['This was reported by the Russian Ministry of Foreign Affairs (MFA) on January 24 in response to media questions', '2'],
  ['Sergey Lavrov', '1'],
  ['Russian-Armenian relations are experiencing a challenging period', '2'],
  ['December 18, 2024', '3'],
  ['Ilham Aliyev', '1'],
  ['Ilham Aliyev claimed that Armenia would leave the CSTO as soon as it received the green light from Washington', '2'],
];
for (const [text, key] of steps) {
  if (process.env.VERBOSE) console.log('selecting', text);
  await dragSelect(page, text);
  await page.keyboard.press(key);
}
await page.evaluate(() => window.scrollTo(0, 0));
await page.getByRole('list', { name: 'Annotations' }).getByRole('button', { name: /Sergey Lavrov/ }).click({ timeout: 5000 });
await page.waitForTimeout(400);
await page.screenshot({ path: process.env.OUT || path.join(root, 'docs/screenshot.png') });
await browser.close();
