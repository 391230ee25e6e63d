// The script `clair serve` adds to the pages it serves (never to built files): it listens to the server's events,
// reloads the page when its file was rebuilt, and shows the data's problems over the page until they are fixed.
// The overlay is drawn through the DOM and CSSOM only, so the page's Content-Security-Policy needs nothing beyond
// the script's nonce and `connect-src 'self'`.

/** Where the events are served; the page's name and version go in the query. */
export const EVENTS_PATH = '/__clair/events';

export function clientScript(page: string, version: number): string {
  return `(() => {
  const page = ${JSON.stringify(page)};
  const version = ${JSON.stringify(version)};
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)} + '?page=' + encodeURIComponent(page) + '&version=' + version);
  let overlay;
  function clear() { if (overlay) { overlay.remove(); overlay = undefined; } }
  function show(report) {
    clear();
    overlay = document.createElement('div');
    overlay.id = 'clair-serve-problems';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff8f6;color:#3b0d0c;border-top:4px solid #c62828;padding:12px 16px;font:14px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.2)';
    const title = document.createElement('strong');
    title.textContent = report.title;
    overlay.append(title);
    const list = document.createElement('ul');
    list.style.cssText = 'margin:8px 0 0;padding-left:20px';
    for (const problem of report.problems) {
      const item = document.createElement('li');
      const where = document.createElement('code');
      where.textContent = problem.where;
      where.style.cssText = 'font-weight:bold;margin-right:8px';
      item.append(where, problem.message);
      for (const detail of problem.details) {
        const line = document.createElement('div');
        line.textContent = detail;
        line.style.cssText = 'color:#6d4c41';
        item.append(line);
      }
      list.append(item);
    }
    overlay.append(list);
    const note = document.createElement('p');
    note.textContent = report.note;
    note.style.cssText = 'margin:8px 0 0;color:#6d4c41';
    overlay.append(note);
    document.body.append(overlay);
  }
  source.addEventListener('reload', (event) => {
    const data = JSON.parse(event.data);
    if (data.page === page || page === 'index') location.reload();
  });
  source.addEventListener('problems', (event) => show(JSON.parse(event.data)));
  source.addEventListener('ok', () => clear());
})();`;
}
