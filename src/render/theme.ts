// The brochure's theme (templates/theme.yaml): colours, the weight each role is set in, the type scale, spacing
// and page geometry. Both renderers read it — the PDF's styles (pdf/style.ts) and the HTML's CSS custom
// properties (themeCss below) — so the two editions cannot drift into different brands. A wrong value stops
// the build with the file, line, column, the value found and what was expected.
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { World } from '../world.js';

export interface Theme {
  colours: {
    brand: string; brandDark: string; brandTint: string; accent: string; accentTint: string; ink: string; muted: string;
    second: string; rule: string; paper: string; onBrand: string; onBrandMuted: string;
  };
  fonts: { body: Weight; heading: Weight; figure: Weight; caption: Weight };
  sizes: {
    body: number; small: number; secondary: number; heading: number; sectionTitle: number; partTitle: number;
    coverTitle: number; figure: number; leading: { cjk: number; latin: number; heading: number; table: number };
  };
  /** bilingual: the share of the vertical spaces a bilingual PDF edition keeps (its two languages already part its blocks). */
  spacing: { paragraph: number; block: number; section: number; columnGap: number; bilingual: number };
  page: { size: 'A4'; margins: [number, number, number, number]; columns: number; measure: number };
}

type Weight = 'regular' | 'bold';

/** The error of a theme value: where it is, what it is, what it should be. */
export class ThemeError extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: number, message: string) {
    super(`${file}:${line}:${column}: ${message}`);
    this.name = 'ThemeError';
  }
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;

type Expect = 'colour' | 'weight' | 'points' | 'ratio' | 'share' | 'margins' | 'count' | 'A4';

/** What each key holds; the theme must give every one (it is the designer's whole look, not a patch on one). */
interface Shape { [key: string]: Expect | Shape }
const SHAPE: Shape = {
  colours: Object.fromEntries(['brand', 'brandDark', 'brandTint', 'accent', 'accentTint', 'ink', 'muted', 'second', 'rule', 'paper', 'onBrand', 'onBrandMuted'].map((k) => [k, 'colour' as const])),
  fonts: { body: 'weight', heading: 'weight', figure: 'weight', caption: 'weight' },
  sizes: {
    body: 'points', small: 'points', secondary: 'points', heading: 'points', sectionTitle: 'points', partTitle: 'points',
    coverTitle: 'points', figure: 'points', leading: { cjk: 'ratio', latin: 'ratio', heading: 'ratio', table: 'ratio' },
  },
  spacing: { paragraph: 'points', block: 'points', section: 'points', columnGap: 'points', bilingual: 'share' },
  page: { size: 'A4', margins: 'margins', columns: 'count', measure: 'count' },
};

const EXPECTED: Record<Expect, string> = {
  colour: 'a colour #rrggbb',
  weight: 'regular or bold',
  points: 'a size in points between 1 and 200',
  ratio: 'a multiple of the type size between 1 and 3',
  share: 'a share between 0.5 and 1',
  margins: 'four margins in points [left, top, right, bottom], each 0–200',
  count: 'a whole number between 1 and 100',
  A4: 'A4',
};

function valid(kind: Expect, value: unknown): boolean {
  switch (kind) {
    case 'colour': return typeof value === 'string' && COLOUR.test(value);
    case 'weight': return value === 'regular' || value === 'bold';
    case 'points': return typeof value === 'number' && value >= 1 && value <= 200;
    case 'ratio': return typeof value === 'number' && value >= 1 && value <= 3;
    case 'share': return typeof value === 'number' && value >= 0.5 && value <= 1;
    case 'margins': return Array.isArray(value) && value.length === 4 && value.every((v) => typeof v === 'number' && v >= 0 && v <= 200);
    case 'count': return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 100;
    case 'A4': return value === 'A4';
  }
}

const cache = new Map<string, Theme>();

/** Reads and checks templates/theme.yaml of the World's templates folder (cached by its text). */
export function loadTheme(world: World): Theme {
  const path = join(world.templatesDir, 'theme.yaml');
  const file = world.display(path);
  const source = world.readText(path);
  const cached = cache.get(source);
  if (cached) return cached;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true });
  const at = (node: YamlNode | null | undefined) => lineCounter.linePos(node?.range?.[0] ?? 0);
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const pos = lineCounter.linePos(error.pos[0]);
    throw new ThemeError(file, pos.line, pos.col, error.message.split('\n')[0]!);
  }
  const check = (node: unknown, shape: Shape, keyPath: string): void => {
    if (!isMap(node)) {
      const pos = at(node as YamlNode);
      throw new ThemeError(file, pos.line, pos.col, `${keyPath || 'the theme'} must be a mapping of ${Object.keys(shape).join(', ')}`);
    }
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!(key in shape)) {
        const pos = at(pair.key as YamlNode);
        throw new ThemeError(file, pos.line, pos.col, `unknown key "${keyPath}${key}"; expected one of ${Object.keys(shape).join(', ')}`);
      }
    }
    for (const [key, kind] of Object.entries(shape)) {
      const value = node.get(key, true) as YamlNode | undefined;
      if (value === undefined) {
        const pos = at(node);
        throw new ThemeError(file, pos.line, pos.col, `"${keyPath}${key}" is missing; expected ${typeof kind === 'string' ? EXPECTED[kind] : 'a mapping'}`);
      }
      if (typeof kind !== 'string') {
        check(value, kind, `${keyPath}${key}.`);
        continue;
      }
      const plainValue = (value as { toJSON(): unknown }).toJSON();
      if (!valid(kind, plainValue)) {
        const pos = at(value);
        throw new ThemeError(file, pos.line, pos.col, `"${keyPath}${key}" is ${JSON.stringify(plainValue)}; expected ${EXPECTED[kind]}`);
      }
    }
  };
  check(doc.contents, SHAPE, '');
  const theme = doc.toJS() as Theme;
  cache.set(source, theme);
  return theme;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The theme as CSS custom properties for the HTML: colours by name (--brand, --brand-dark …), the type scale
 * relative to the body size (--size-heading: 1.158em …), leading, the measure and spacing.
 */
export function themeCss(theme: Theme): string {
  const properties: string[] = [];
  for (const [name, value] of Object.entries(theme.colours)) properties.push(`--${kebab(name)}:${value}`);
  const { leading, ...sizes } = theme.sizes;
  for (const [name, value] of Object.entries(sizes)) {
    properties.push(`--size-${kebab(name)}:${Math.round((value / theme.sizes.body) * 1000) / 1000}rem`);
  }
  properties.push(`--leading-cjk:${leading.cjk}`, `--leading-latin:${leading.latin}`, `--leading-heading:${leading.heading}`, `--leading-table:${leading.table}`);
  const { bilingual: _printOnly, ...spacing } = theme.spacing;
  for (const [name, value] of Object.entries(spacing)) {
    properties.push(`--space-${kebab(name)}:${Math.round((value / theme.sizes.body) * 1000) / 1000}rem`);
  }
  properties.push(`--measure:${theme.page.measure}em`);
  properties.push(`--weight-heading:${theme.fonts.heading === 'bold' ? 700 : 400}`);
  return `:root{${properties.join(';')}}`;
}
