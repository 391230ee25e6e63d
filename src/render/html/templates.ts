// Loads the HTML templates staff edit — templates/layout.hbs, one partial per brochure section
// (templates/sections/<id>.hbs) and one per block kind (templates/blocks/<kind>.hbs) — into an isolated
// Handlebars environment with clair's helpers. Every helper that prints data escapes it (markup.ts); the
// templates never need triple braces. Compiled templates are cached by their source text, so an edited
// template is picked up by the next render and an unchanged one is not compiled twice.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Txt } from '../../document/blocks.js';
import type { World } from '../../world.js';
import { Markup, plainRich, rubyHtml, type MarkupTools } from './markup.js';
import type { InlinedSvg } from './svg.js';
import { compileOptions, templateKey, type TemplateSpecification } from './precompile.js';

export interface RenderRoot {
  lang: string;
  markup: Markup;
}

export interface Templates {
  layout: Handlebars.TemplateDelegate;
  sections: string[];
  blocks: string[];
}

const SafeString = Handlebars.SafeString;

function rootOf(options: Handlebars.HelperOptions): RenderRoot {
  return (options.data as { root: RenderRoot }).root;
}

function hashOf(options: unknown): Record<string, unknown> {
  return (options as Handlebars.HelperOptions | undefined)?.hash ?? {};
}

/** The helpers available to every template. */
function registerHelpers(hb: typeof Handlebars): void {
  /**
   * {{txt text}}: a Txt in the edition's languages; `phrases=true` for headings (BudouX <wbr>); `pair=true` where
   * the element is a bilingual pair that stands side by side on a wide screen (each language in its own span).
   */
  hb.registerHelper('txt', function (txt: Txt | undefined, options: Handlebars.HelperOptions) {
    const root = rootOf(options);
    const hash = hashOf(options);
    const lang = typeof hash.lang === 'string' ? hash.lang : root.lang;
    return new SafeString(root.markup.txt(txt, { lang, phrases: hash.phrases === true, pair: hash.pair === true }));
  });
  /** {{primary text}} / {{secondary text}}: one language of a Txt only (the secondary may be empty). */
  hb.registerHelper('primary', function (txt: Txt | undefined, options: Handlebars.HelperOptions) {
    const root = rootOf(options);
    return new SafeString(root.markup.rich(txt?.primary, { lang: root.lang, phrases: hashOf(options).phrases === true }));
  });
  hb.registerHelper('secondary', function (txt: Txt | undefined, options: Handlebars.HelperOptions) {
    const root = rootOf(options);
    const rich = txt?.secondary;
    if (!rich || rich.length === 0) return '';
    const lang = rich[0]!.lang;
    return new SafeString(`<span lang="${Handlebars.escapeExpression(lang)}">${root.markup.rich(rich, { lang, phrases: hashOf(options).phrases === true })}</span>`);
  });
  /** {{plain text}}: the primary language as plain text, for attributes (alt, aria-label). Escaped on output. */
  hb.registerHelper('plain', (txt: Txt | undefined) => plainRich(txt?.primary));
  /** {{ruby base reading}}: a name with its reading above it. */
  hb.registerHelper('ruby', (base: unknown, reading: unknown) =>
    new SafeString(typeof reading === 'string' && reading !== '' ? rubyHtml(String(base ?? ''), reading) : Handlebars.escapeExpression(String(base ?? ''))),
  );
  /** {{#ifLang "ja"}}…{{/ifLang}}: content for editions whose primary language is one of the given ones. */
  hb.registerHelper('ifLang', function (this: unknown, ...args: unknown[]) {
    const options = args.pop() as Handlebars.HelperOptions;
    return args.includes(rootOf(options).lang) ? options.fn(this) : options.inverse(this);
  });
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // A heading at the level the view gives it (h2–h4): a section is h3 under a part's title, h2 where it stands alone.
  hb.registerHelper('heading', function (this: unknown, level: unknown, options: Handlebars.HelperOptions) {
    const tag = `h${level === 3 || level === 4 ? level : 2}`;
    const attributes = Object.entries(options.hash as Record<string, unknown>).map(([name, value]) => ` ${name}="${hb.escapeExpression(String(value))}"`).join('');
    return new SafeString(`<${tag}${attributes}>${options.fn(this)}</${tag}>`);
  });
  hb.registerHelper('join', (items: unknown, separator: unknown) =>
    Array.isArray(items) ? items.map(String).join(typeof separator === 'string' ? separator : ', ') : '',
  );
  hb.registerHelper('blockPartial', (kind: string) => `blocks/${kind}`);
  /** A section's own partial when it has one, else the generic one (templates/sections/default.hbs). */
  hb.registerHelper('sectionPartial', (id: string) => (hb.partials[`sections/${id}`] ? `sections/${id}` : 'sections/default'));
  /** {{svg chart.svg}}: a chart's SVG, already made safe by svg.ts (scripts, handlers and external links removed). */
  hb.registerHelper('svg', (svg: InlinedSvg | undefined) => new SafeString(svg?.markup ?? ''));
}

const cache = new Map<string, Templates>();

/**
 * Reads and compiles the templates of the World's templates folder. A template whose text matches one of the
 * `precompiled` specs (precompile.ts) skips Handlebars' parser and compiler.
 */
export function loadTemplates(world: World, precompiled: Record<string, TemplateSpecification> = {}): Templates {
  const dir = world.templatesDir;
  const listHbs = (sub: string) => (world.isDirectory(join(dir, sub)) ? world.list(join(dir, sub)).filter((n) => n.endsWith('.hbs')) : []);
  const sources: [string, string][] = [['layout', world.readText(join(dir, 'layout.hbs'))]];
  for (const sub of ['sections', 'blocks']) {
    for (const name of listHbs(sub)) sources.push([`${sub}/${name.slice(0, -4)}`, world.readText(join(dir, sub, name))]);
  }
  const key = createHash('sha256').update(JSON.stringify(sources)).digest('hex');
  const cached = cache.get(key);
  if (cached) return cached;

  const hb = Handlebars.create();
  registerHelpers(hb);
  const compile = (source: string) => {
    const spec = precompiled[templateKey(source)];
    return spec ? hb.template(spec) : hb.compile(source, compileOptions());
  };
  for (const [name, source] of sources.slice(1)) {
    if (/\{\{\{|\{\{~?\s*&/.test(source)) {
      throw new Error(`templates/${name}.hbs prints something unescaped ({{{ or {{&): use the txt, rich or plain helpers / エスケープしない出力は使えません`);
    }
    hb.registerPartial(name, compile(source));
  }
  const layoutSource = sources[0]![1];
  if (/\{\{\{|\{\{~?\s*&/.test(layoutSource)) throw new Error('templates/layout.hbs prints something unescaped ({{{ or {{&) / エスケープしない出力は使えません');
  const templates: Templates = {
    layout: compile(layoutSource),
    sections: sources.filter(([n]) => n.startsWith('sections/')).map(([n]) => n.slice('sections/'.length)),
    blocks: sources.filter(([n]) => n.startsWith('blocks/')).map(([n]) => n.slice('blocks/'.length)),
  };
  cache.set(key, templates);
  return templates;
}

export function markupFor(tools: MarkupTools): Markup {
  return new Markup(tools);
}
