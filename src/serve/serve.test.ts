// `clair serve` driven as a browser would: over HTTP and Server-Sent Events, on a copy of the shipped Seoul data in
// a temporary folder. An edit brings a reload event and the new content; a broken edit brings the problems (file,
// line, column) while the last good page stays served; the fix clears them. Chromium checks that the reload script
// and the overlay run under the page's own Content-Security-Policy.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../world.js';
import { startPreview, type Preview } from './index.js';
import { withReloadScript } from './server.js';

interface ServerEvent {
  event: string;
  data: Record<string, unknown>;
}

/** An open event stream: events arrive in `events`; `next` waits for the first one (after `from`) that matches. */
async function listen(url: string) {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: ServerEvent[] = [];
  const waiting: (() => void)[] = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          for (const wake of waiting.splice(0)) wake();
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    async next(match: (e: ServerEvent) => boolean, from = 0, timeoutMs = 30_000): Promise<ServerEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.slice(from).find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(events.slice(from))}`);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => controller.abort(),
  };
}

let root: string;
let brochureFile: string;
let preview: Preview;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'clair-serve-'));
  cpSync(join(INSTALL_ROOT, 'data', 'seoul'), join(root, 'seoul'), { recursive: true });
  brochureFile = join(root, 'seoul', 'brochure.yaml');
  preview = await startPreview({ dataRoot: root, officeId: 'seoul', formats: ['html'], editions: ['ja', 'ko'], host: '127.0.0.1', port: 0, uiLang: 'en', cwd: root });
  await preview.ready;
});

afterAll(async () => {
  await preview?.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string) => fetch(new URL(path, preview.url));

describe('clair serve', () => {
  it('listens on the loopback interface and lists the editions', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await (await get('/')).text();
    expect(index).toContain('href="/brochure.ja.html"');
    expect(index).toContain('href="/brochure.ko.html"');
    expect((await get('/brochure.ja.pdf')).status).toBe(404); // only HTML was asked for
    expect(index).toContain('(not built: --format)');
    expect(index).not.toContain('building…');
  });

  it('serves each edition with the reload script allowed by nonce; the built file has no script', async () => {
    const response = await get('/brochure.ja.html');
    const html = await response.text();
    const policy = response.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(policy).toContain("connect-src 'self'");
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`script-src &#39;nonce-${nonce}&#39;`);
    const built = Buffer.from(preview.session.files.get('brochure.ja.html')!.bytes).toString('utf8');
    expect(built).not.toContain('<script');
    expect(built).not.toContain('EventSource');
    // Served = built + the script + the widened policy, nothing else.
    const expected = withReloadScript(built, 'the-script', nonce).html;
    const served = html.replace(/(<script nonce="[^"]+">)[\s\S]*?(<\/script>)/, '$1the-script$2');
    expect(served === expected, 'the served page differs from the built one beyond the script and its policy').toBe(true);
  });

  it('reloads on an edit, shows problems for a broken edit while staying up, and recovers on the fix', async () => {
    const stream = await listen(new URL(`/__clair/events?page=brochure.ja.html&version=${preview.session.files.get('brochure.ja.html')!.version}`, preview.url).href);
    try {
      const original = readFileSync(brochureFile, 'utf8');
      const edited = original.replace('クレアソウル 2026,', 'クレアソウル 2026 試し刷り,');
      expect(edited).not.toBe(original);

      let from = stream.events.length;
      writeFileSync(brochureFile, edited);
      const reload = await stream.next((e) => e.event === 'reload' && e.data.page === 'brochure.ja.html', from);
      expect(reload.data.version).toBe(preview.session.files.get('brochure.ja.html')!.version);
      expect(await (await get('/brochure.ja.html')).text()).toContain('試し刷り');

      from = stream.events.length;
      writeFileSync(brochureFile, edited.replace(/^edition: 2026$/m, 'edition: twenty-six'));
      const problems = await stream.next((e) => e.event === 'problems', from);
      const listed = problems.data.problems as { where: string; message: string; details: string[] }[];
      expect(listed).toEqual([expect.objectContaining({ where: 'seoul/brochure.yaml:4:10', message: 'edition should be a whole number, not text' })]);
      expect(listed[0]!.details).toContain('found: "twenty-six"');
      // The server is alive and still serves the last good pages.
      expect((await get('/')).status).toBe(200);
      expect(await (await get('/brochure.ja.html')).text()).toContain('試し刷り');
      // A page opened now hears about the problems at once.
      const late = await listen(new URL('/__clair/events?page=brochure.ko.html&version=0', preview.url).href);
      expect((await late.next((e) => e.event === 'problems')).data.problems).toEqual(listed);
      late.close();

      from = stream.events.length;
      writeFileSync(brochureFile, original);
      await stream.next((e) => e.event === 'ok', from);
      await stream.next((e) => e.event === 'reload' && e.data.page === 'brochure.ja.html', from);
      expect(await (await get('/brochure.ja.html')).text()).not.toContain('試し刷り');
      expect(preview.session.problems).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it('answers the open page\'s reload before it renders the next edition', async () => {
    const session = preview.session;
    const version = session.version;
    // A page of the Japanese edition is open, and asks for its reloaded HTML only when the test says so.
    const viewers = session.viewers;
    const fetched = session.fetched;
    const grace = session.reloadGraceMs;
    // A loaded machine may run the test's timer later than the usual grace: here the page alone ends the wait.
    session.reloadGraceMs = 60_000;
    let fetch: () => void = () => {};
    session.viewers = () => ['ja'];
    session.fetched = (name, v) => {
      expect([name, v]).toEqual(['brochure.ja.html', version + 1]);
      return new Promise((resolve) => (fetch = resolve));
    };
    const original = readFileSync(brochureFile, 'utf8');
    try {
      writeFileSync(brochureFile, original.replace('クレアソウル 2026,', 'クレアソウル 2026 校正,'));
      await expect.poll(() => session.files.get('brochure.ja.html')!.version, { timeout: 30_000 }).toBe(version + 1);
      // The Korean edition waits for the page …
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(session.files.get('brochure.ko.html')!.version).toBe(version);
      // … and goes on once the page has its HTML.
      fetch();
      await expect.poll(() => session.files.get('brochure.ko.html')!.version, { timeout: 30_000 }).toBe(version + 1);
    } finally {
      session.viewers = viewers;
      session.fetched = fetched;
      session.reloadGraceMs = grace;
      writeFileSync(brochureFile, original);
      await expect.poll(() => session.version, { timeout: 30_000 }).toBe(version + 2);
      await session.idle();
    }
    // The server's own hook: a GET of the file at that version ends the wait.
    const waiting = session.fetched('brochure.ja.html', session.version);
    await get('/brochure.ja.html');
    await waiting;
  });

  it('rebuilds only the HTML when a stylesheet changes, and the PDF too when data changes', () => {
    const s = preview.session;
    expect(s.kindOf(join(s.world.templatesDir, 'style.css'))).toBe('templates');
    expect(s.kindOf(join(s.world.templatesDir, 'labels', 'ja.yaml'))).toBe('data');
    expect(s.kindOf(join(root, 'seoul', 'photos', 'booth.jpg'))).toBe('data');
    expect(s.kindOf(join(s.world.fontsDir, 'fonts.yaml'))).toBe('fonts');
    expect(s.kindOf(join(root, 'elsewhere.yaml'))).toBeUndefined();
  });
});

describe('clair serve in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reloads the open page after a save and overlays problems without breaking the page policy', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused/i.test(message.text())) violations.push(message.text());
    });
    try {
      await page.goto(new URL('/brochure.ko.html', preview.url).href);
      await page.waitForFunction(() => document.readyState === 'complete');
      const original = readFileSync(brochureFile, 'utf8');
      // Broken: the overlay appears, naming the file and line.
      writeFileSync(brochureFile, original.replace(/^edition: 2026$/m, 'edition: "2026"'));
      const overlay = page.locator('#clair-serve-problems');
      await overlay.waitFor({ timeout: 30_000 });
      expect(await overlay.textContent()).toContain('seoul/brochure.yaml:4:10');
      expect(await overlay.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
      // Fixed with a new title: the overlay goes and the page reloads by itself with the new text.
      writeFileSync(brochureFile, original.replace('클레어 서울 2026', '클레어 서울 2026 시험판'));
      await page.waitForFunction(() => document.body.textContent!.includes('시험판'), undefined, { timeout: 30_000 });
      expect(await page.locator('#clair-serve-problems').count()).toBe(0);
      writeFileSync(brochureFile, original);
      await preview.session.idle();
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
