// Prepares a chart's standalone SVG (made by clair) for inlining into the page: inline SVG is set with the
// page's embedded fonts, which an <img> of the same SVG could not use. Even though clair makes these SVGs,
// chart labels come from data, so anything active is removed (scripts, event handlers, foreign content,
// external references), ids are prefixed so two charts cannot capture each other's gradients or clip paths,
// and the styles it carries are reported so the Content-Security-Policy can allow exactly them by hash.

export interface InlinedSvg {
  /** Markup of the <svg> element, ready to place in the HTML body. */
  markup: string;
  /** Contents of its <style> elements and style attributes: the page's CSP allows these by hash. */
  styleElements: string[];
  styleAttributes: string[];
  /** The text the chart draws (for the font subsets). */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function inlineSvg(svg: string, idPrefix: string): InlinedSvg {
  let markup = svg
    .replace(/<\?xml[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
    .trim();
  const start = markup.search(/<svg[\s>]/i);
  if (start < 0) throw new Error('chart SVG has no <svg> element');
  markup = markup.slice(start);

  // Active or foreign content: removed with everything inside it.
  for (const tag of ['script', 'foreignObject', 'iframe', 'object', 'embed', 'audio', 'video', 'animate', 'set', 'animateTransform', 'animateMotion']) {
    markup = markup
      .replace(new RegExp(`<${tag}\\b[^>]*/>`, 'gi'), '')
      .replace(new RegExp(`<${tag}\\b[\\s\\S]*?</${tag}\\s*>`, 'gi'), '');
  }
  // Event handlers, and links or references that leave the document.
  markup = markup
    .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/\s+(xlink:)?href\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, (whole, _ns, value: string) => {
      const url = value.replace(/^["']|["']$/g, '').trim();
      return url.startsWith('#') ? whole : '';
    })
    .replace(/url\(\s*(['"]?)(?!#)[^)]*\)/gi, 'none');

  // Ids and the references to them, prefixed so they are unique in the page.
  const ids = new Set<string>();
  markup = markup.replace(/\sid\s*=\s*(["'])([^"']+)\1/g, (_, quote: string, id: string) => {
    ids.add(id);
    return ` id=${quote}${idPrefix}-${id}${quote}`;
  });
  if (ids.size > 0) {
    markup = markup.replace(/(url\(\s*['"]?#|href\s*=\s*["']#)([^"')\s]+)/g, (whole, lead: string, id: string) =>
      ids.has(id) ? `${lead}${idPrefix}-${id}` : whole,
    );
  }

  // The page sets the chart's size; the viewBox keeps its proportions.
  markup = markup.replace(/<svg\b([^>]*)>/i, (_, attributes: string) => {
    const kept = attributes
      .replace(/\s(width|height|x|y)\s*=\s*("[^"]*"|'[^']*')/gi, '')
      .replace(/\s(role|aria-[a-z]+|focusable|class)\s*=\s*("[^"]*"|'[^']*')/gi, '');
    return `<svg${kept} class="chart-svg" aria-hidden="true" focusable="false">`;
  });

  const styleElements = [...markup.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1]!);
  const styleAttributes = [...markup.matchAll(/\sstyle\s*=\s*(["'])([\s\S]*?)\1/gi)].map((m) => decodeEntities(m[2]!));
  const text = decodeEntities(
    markup.replace(/<style\b[\s\S]*?<\/style\s*>/gi, '').replace(/<title\b[\s\S]*?<\/title\s*>/gi, '').replace(/<[^>]*>/g, ' '),
  );
  return { markup, styleElements, styleAttributes, text };
}
