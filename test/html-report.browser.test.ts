/**
 * The HTML report in a real browser: Debian's Chromium, headless, with every network request
 * blocked and recorded. The page must load nothing but itself, run no script, draw its three charts
 * with visible marks, and fit the width of an A4 page when printed. A screenshot is left in the
 * OS temp dir for a person to look at.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { renderHtml } from '../src/report/html.js';
import { reportFixture } from '../src/report/report-fixture.test-util.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const CHARTS = ['phase-breakdown', 'operational-embodied', 'power-over-time'] as const;
/** A4 (210 mm) less the page's 14 mm margins, at 96 px per inch. */
const A4_TEXT_WIDTH_PX = Math.floor(((210 - 28) / 25.4) * 96);

async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) assert.fail("install Debian's chromium (apt-get install -y chromium)");
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** Opens `file` with every request but the file itself blocked; returns the blocked URLs and any dialog. */
async function open(page: Page, file: string): Promise<{ blocked: string[]; dialogs: string[] }> {
  const url = pathToFileURL(file).href;
  const blocked: string[] = [];
  const dialogs: string[] = [];
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested === url) return route.continue();
    blocked.push(requested);
    return route.abort('blockedbyclient');
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { blocked, dialogs };
}

function writeReport(html: string, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'footprint-html-'));
  const file = join(dir, name);
  writeFileSync(file, html);
  return file;
}

test('the HTML report in headless Chromium: offline, three charts with marks, no script', {
  timeout: 120_000,
}, async (t) => {
  const file = writeReport(renderHtml(reportFixture()), 'report.html');
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const { blocked, dialogs } = await open(page, file);
    assert.deepEqual(blocked, [], 'the page tried to load something');
    assert.deepEqual(dialogs, [], 'a script ran');
    assert.equal(await page.locator('script').count(), 0);
    assert.match(
      (await page.title()) ?? '',
      /<script>alert\(1\)<\/script>/,
      'the title shows the label as text',
    );

    for (const name of CHARTS) {
      const svg = page.locator(`figure svg[data-chart="${name}"]`);
      assert.equal(await svg.count(), 1, `${name}: one chart`);
      assert.equal(await svg.getAttribute('role'), 'img');
      assert.ok(((await svg.getAttribute('aria-label')) ?? '').length > 20, `${name}: aria-label`);
      const box = await svg.boundingBox();
      assert.ok(box && box.width > 200 && box.height > 80, `${name}: bounding box ${JSON.stringify(box)}`);
      const marks = await svg.locator('rect, path').count();
      assert.ok(marks > 0, `${name}: no marks`);
      // Marks are drawn with a size, not collapsed to nothing.
      const drawn = await svg.evaluate(
        (el) =>
          [...el.querySelectorAll('[aria-label="bar"] rect, [aria-label="line"] path')].filter((m) => {
            const r = m.getBoundingClientRect();
            return r.width > 0 && r.height > 0;
          }).length,
      );
      assert.ok(drawn > 0, `${name}: marks have no size`);
      const caption = svg.locator('xpath=ancestor::figure[1]/figcaption');
      assert.ok(((await caption.textContent()) ?? '').length > 20, `${name}: caption`);
    }
    const lines = await page.locator('svg[data-chart="power-over-time"] [aria-label="line"] path').count();
    assert.equal(lines, 2, 'one line per run');

    const shot = join(tmpdir(), 'footprint-html-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    t.diagnostic(`screenshot: ${shot}`);

    // Printed on A4, the page and its charts fit the text width: nothing sticks out sideways.
    await page.setViewportSize({ width: A4_TEXT_WIDTH_PX, height: 1100 });
    await page.emulateMedia({ media: 'print' });
    // (Expressions as strings: the project compiles without the DOM library.)
    const overflow = Number(
      await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
    );
    assert.ok(overflow <= 0, `the printed page is ${overflow}px wider than A4`);
    for (const name of CHARTS) {
      const box = await page.locator(`svg[data-chart="${name}"]`).boundingBox();
      assert.ok(
        box && box.x >= 0 && box.x + box.width <= A4_TEXT_WIDTH_PX,
        `${name} is wider than A4: ${JSON.stringify(box)}`,
      );
    }
    const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    assert.equal(background, 'rgb(255, 255, 255)');
    const breaks = (await page.evaluate(
      "[...document.querySelectorAll('main > section')].map((s) => getComputedStyle(s).breakBefore)",
    )) as string[];
    assert.equal(breaks[0], 'auto');
    assert.ok(
      breaks.length >= 4 && breaks.slice(1).every((b) => b === 'page'),
      `page breaks: ${breaks.join(', ')}`,
    );
  } finally {
    await browser.close();
  }
});

test('the network block catches what a page would load (the check above can fail)', {
  timeout: 60_000,
}, async () => {
  const leaky = renderHtml(reportFixture()).replace(
    '</body>',
    '<img src="http://example.invalid/pixel.png" alt=""><link rel="stylesheet" href="https://example.invalid/x.css"></body>',
  );
  const file = writeReport(leaky, 'leaky.html');
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const { blocked } = await open(page, file);
    assert.deepEqual(blocked.sort(), ['http://example.invalid/pixel.png', 'https://example.invalid/x.css']);
  } finally {
    await browser.close();
  }
});
