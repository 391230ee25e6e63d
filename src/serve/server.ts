// The HTTP side of `clair serve`: a page listing the editions, each edition's HTML and PDF at the name
// `clair build brochure` gives it, and a Server-Sent Events stream that tells open pages to reload or to show the
// data's problems. Served HTML gets the reload script with a fresh nonce, allowed by the page's own
// Content-Security-Policy; the built bytes themselves never carry it.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Diagnostic, UiLanguage } from '../diagnostics.js';
import { clientScript, EVENTS_PATH } from './client.js';
import type { PreviewFile, PreviewSession } from './session.js';

interface Listener {
  response: ServerResponse;
  /** The page it was opened from: "index" or a file name such as brochure.ja.html. */
  page: string;
}

export interface PreviewServerOptions {
  host: string;
  port: number;
  uiLang: UiLanguage;
}

/** Handlebars escapes ' = ` as numeric references; the policy is read back from the attribute. */
const decodeEntities = (text: string) => text
  .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
  .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
  .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The problems as the overlay shows them: where, what, and what was found and expected, in the reader's language. */
export function problemReport(diagnostics: readonly Diagnostic[], lang: UiLanguage) {
  const labels = lang === 'ja' ? { found: '値', expected: '期待' } : { found: 'found', expected: 'expected' };
  return {
    title: lang === 'ja'
      ? `データに問題が ${diagnostics.length} 件あります。最後に作成できた版を表示しています。`
      : `${diagnostics.length} ${diagnostics.length === 1 ? 'problem' : 'problems'} in the data; showing the last good build.`,
    note: lang === 'ja' ? 'ファイルを直して保存すると、この表示は消えます。' : 'Fix the file and save it: this notice goes away.',
    problems: diagnostics.map((d) => ({
      where: d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file || 'clair',
      message: d.message[lang],
      details: [
        ...(d.found !== undefined ? [`${labels.found}: ${d.found}`] : []),
        ...(d.expected ? [`${labels.expected}: ${d.expected[lang]}`] : []),
      ],
    })),
  };
}

export class PreviewServer {
  private readonly server: Server;
  private readonly listeners = new Set<Listener>();
  private readonly heartbeat: NodeJS.Timeout;
  /** Rebuilds waiting for a page to fetch a file again: file name → version and resolver. */
  private readonly awaitingFetch = new Map<string, { version: number; resolve: () => void }[]>();

  constructor(private readonly session: PreviewSession, private readonly options: PreviewServerOptions) {
    this.server = createServer((request, response) => this.handle(request, response));
    // Editions people are looking at are rebuilt first.
    session.viewers = () => [...new Set([...this.listeners].map((l) => /^brochure\.(.+)\.html$/.exec(l.page)?.[1]).filter((id): id is string => id !== undefined))];
    session.fetched = (name, version) => new Promise<void>((resolve) => {
      // A wait of an earlier rebuild is over (it timed out): it is dropped rather than kept.
      const waiting = (this.awaitingFetch.get(name) ?? []).filter((w) => w.version >= version);
      waiting.push({ version, resolve });
      this.awaitingFetch.set(name, waiting);
    });
    // A comment line now and then keeps proxies and idle timeouts from closing the event stream.
    this.heartbeat = setInterval(() => this.send(': keep-alive\n\n'), 15_000);
    this.heartbeat.unref();
  }

  listen(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        const address = this.server.address() as AddressInfo;
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        resolve(`http://${host}:${address.port}/`);
      });
    });
  }

  /** A file was rebuilt: pages showing it reload. */
  rebuilt(file: PreviewFile): void {
    this.event('reload', { page: file.name, version: file.version });
  }

  /** The data has problems: every open page shows them. */
  problems(diagnostics: readonly Diagnostic[]): void {
    this.event('problems', problemReport(diagnostics, this.options.uiLang));
  }

  recovered(): void {
    this.event('ok', {});
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const waiting of this.awaitingFetch.values()) for (const w of waiting) w.resolve();
    this.awaitingFetch.clear();
    for (const listener of this.listeners) listener.response.end();
    this.listeners.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
  }

  private event(name: string, data: unknown): void {
    this.send(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private send(text: string): void {
    for (const listener of this.listeners) listener.response.write(text);
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === EVENTS_PATH) return this.openEvents(url, response);
    if (url.pathname === '/' || url.pathname === '/index.html') return this.sendIndex(response);
    const name = decodeURIComponent(url.pathname.slice(1));
    const file = this.session.files.get(name);
    if (!file) {
      const text = this.options.uiLang === 'ja' ? `${name} はありません` : `no ${name} here`;
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(text);
      return;
    }
    if (file.format === 'pdf') {
      response.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': file.bytes.byteLength, 'Cache-Control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : file.bytes);
      return;
    }
    this.servedHtml(file);
    const nonce = randomBytes(16).toString('base64');
    const { html, policy } = withReloadScript(Buffer.from(file.bytes).toString('utf8'), clientScript(file.name, file.version), nonce);
    const body = Buffer.from(html, 'utf8');
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.byteLength, 'Cache-Control': 'no-store',
      'Content-Security-Policy': policy,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  /** A page fetched this file: rebuilds waiting for it go on (after this response is written). */
  private servedHtml(file: PreviewFile): void {
    const waiting = this.awaitingFetch.get(file.name);
    if (!waiting) return;
    const done = waiting.filter((w) => w.version <= file.version);
    this.awaitingFetch.set(file.name, waiting.filter((w) => w.version > file.version));
    for (const w of done) setImmediate(w.resolve);
  }

  private openEvents(url: URL, response: ServerResponse): void {
    const page = url.searchParams.get('page') ?? 'index';
    const version = Number(url.searchParams.get('version') ?? 0);
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write('retry: 500\n\n');
    const listener: Listener = { response, page };
    this.listeners.add(listener);
    response.on('close', () => this.listeners.delete(listener));
    // A page opened before the last rebuild (or before the server restarted) is out of date at once.
    const current = page === 'index' ? this.session.version : this.session.files.get(page)?.version;
    if (current !== undefined && current !== version) response.write(`event: reload\ndata: ${JSON.stringify({ page, version: current })}\n\n`);
    if (this.session.problems.length > 0) response.write(`event: problems\ndata: ${JSON.stringify(problemReport(this.session.problems, this.options.uiLang))}\n\n`);
  }

  private sendIndex(response: ServerResponse): void {
    const nonce = randomBytes(16).toString('base64');
    const ja = this.options.uiLang === 'ja';
    const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`);
    const rows = this.session.editions.map((edition) => {
      const cells = (['html', 'pdf'] as const).map((format) => {
        if (!this.session.options.formats.includes(format)) return `<td>${ja ? '（作成しません: --format）' : '(not built: --format)'}</td>`;
        const file = this.session.files.get(`brochure.${edition.id}.${format}`);
        if (!file) return `<td>${ja ? '作成中…' : 'building…'}</td>`;
        const pages = file.pages !== undefined ? (ja ? `、${file.pages} ページ` : `, ${file.pages} pages`) : '';
        return `<td><a href="/${escapeHtml(file.name)}">${escapeHtml(file.name)}</a> <small>(${size(file.bytes.byteLength)}${pages})</small></td>`;
      });
      return `<tr><th scope="row">${escapeHtml(edition.id)}</th>${cells.join('')}</tr>`;
    });
    const title = ja ? `${this.session.officeId} のパンフレット（プレビュー）` : `${this.session.officeId} brochure (preview)`;
    const html = `<!DOCTYPE html>
<html lang="${ja ? 'ja' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">body{font:16px/1.6 system-ui,sans-serif;margin:2rem auto;max-width:48rem;padding:0 1rem}table{border-collapse:collapse}th,td{padding:.4rem .8rem;border-bottom:1px solid #ddd;text-align:left}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<table>
<thead><tr><th scope="col">${ja ? '版' : 'Edition'}</th><th scope="col">HTML</th><th scope="col">PDF</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<p>${ja ? 'データ・テンプレート・フォントを保存すると、開いているページは自動で更新されます。' : 'Open pages reload by themselves when you save the data, templates or fonts.'}</p>
<script nonce="${nonce}">${clientScript('index', this.session.version)}</script>
</body>
</html>
`;
    const body = Buffer.from(html, 'utf8');
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.byteLength, 'Cache-Control': 'no-store',
      'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'`,
    });
    response.end(body);
  }
}

/**
 * The built page with the reload script before </body>, and its Content-Security-Policy (the meta tag the
 * renderer wrote, and the same as a header) widened by exactly the script's nonce and the event stream.
 */
export function withReloadScript(html: string, script: string, nonce: string): { html: string; policy: string } {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i.exec(html);
  const built = meta ? decodeEntities(meta[1]!) : "default-src 'none'";
  const policy = `${built}; script-src 'nonce-${nonce}'; connect-src 'self'`;
  let page = meta ? html.replace(meta[0], () => `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`) : html;
  const tag = `<script nonce="${nonce}">${script}</script>`;
  const end = page.lastIndexOf('</body>');
  page = end >= 0 ? `${page.slice(0, end)}${tag}\n${page.slice(end)}` : `${page}${tag}`;
  return { html: page, policy };
}
