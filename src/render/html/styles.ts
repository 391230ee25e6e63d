// The page's one stylesheet: embedded fonts, then templates/style.css and templates/print.css as staff wrote
// them, then the rules that depend on the document (column widths of each table, the running footer of the
// printed page). Data placed in CSS goes through cssString, which leaves no way out of a string or the <style>.
import { join } from 'node:path';
import type { BrochureDocument, Rich } from '../../document/blocks.js';
import { LIST_MARKS, languageProfile } from '../../i18n/profile.js';
import type { World } from '../../world.js';
import type { TableView } from './view.js';

/** A CSS string literal: quotes, backslashes, newlines and "<" escaped as code points. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

const plain = (rich: Rich) => rich.map((r) => r.text).join('');

export function stylesheetTemplates(world: World): { style: string; print: string } {
  const read = (name: string) => {
    const path = join(world.templatesDir, name);
    return world.exists(path) ? world.readText(path) : '';
  };
  return { style: read('style.css'), print: read('print.css') };
}

/** Column widths from the view model, as rules on each table's <col> elements. */
export function columnRules(tables: TableView[]): string {
  const rules: string[] = [];
  for (const table of tables) {
    table.columns.forEach((column, index) => {
      if (column.percent !== undefined) rules.push(`#${table.domId}>colgroup>col:nth-child(${index + 1}){width:${column.percent}%}`);
    });
  }
  return rules.join('\n');
}

/**
 * The running footer of printed pages: the brochure's title (in both languages of a bilingual edition, joined as the
 * PDF's footer joins them) and the page number in the label's wording.
 */
export function pageFooterRules(doc: BrochureDocument): { css: string; text: string } {
  const { primary, secondary } = doc.cover.title;
  const separator = languageProfile(doc.edition.primary).nameSeparator;
  const title = plain(primary) + (secondary ? separator + plain(secondary) : '');
  const pageLabel = plain(doc.labels.page.primary);
  const [before = '', after = ''] = pageLabel.includes('{n}') ? pageLabel.split('{n}') : [pageLabel, ''];
  const page = [before ? cssString(before) : '', 'counter(page)', after ? cssString(after) : ''].filter(Boolean).join(' ');
  const css =
    `@page{@bottom-left{content:${cssString(title)}}@bottom-right{content:${page}}}\n` +
    '@page :first{@bottom-left{content:none}@bottom-right{content:none}}';
  return { css, text: `${title}${before}${after}0123456789` };
}

/**
 * What each language's profile (templates/languages) asks of the browser, after style.css so that it wins: line
 * breaking (keep-all for Korean, strict kinsoku for Japanese, hyphenation for Latin scripts; Thai is broken at
 * word boundaries by the browser's own dictionary), the quarter-em space between Japanese and Latin letters, and
 * the list marks of the edition's primary language (and of the second language, for the second side of a pair), so
 * the HTML shows the marks the PDF prints (a note paragraph prints as written, in both).
 */
export function languageRules(primary: string, languages: readonly string[]): string {
  const rules: string[] = [];
  for (const lang of languages) {
    const { html, autospace } = languageProfile(lang);
    // On the elements that carry the language only, at no specificity: headings keep their keep-all.
    rules.push(`:where([lang="${lang}"]){word-break:${html.wordBreak};line-break:${html.lineBreak};hyphens:${html.hyphens};` +
      `text-autospace:${autospace ? 'normal' : 'no-autospace'}}`);
  }
  const { marks } = languageProfile(primary);
  rules.push(
    `.list-bullet li::before{content:${cssString(marks.bullet)} / ""}`,
    `.list-arrow li::before{content:${cssString(marks.arrow)} / ""}`,
    `.list-note li::before{content:${cssString(marks.note)} / ""}`,
    `.list-merit li::before{content:${cssString(marks.merit)} / ""}`,
  );
  // A bilingual list item side by side gives its second language that language's own mark (• in Korean), as the
  // PDF does; style.css shows it only where the pair stands side by side.
  for (const lang of languages.filter((l) => l !== primary)) {
    const own = languageProfile(lang).marks;
    for (const marker of LIST_MARKS) {
      rules.push(`.list-${marker} li.pair>.t-sec[lang="${lang}"]{--pair-mark:${cssString(own[marker])}}`);
    }
  }
  return rules.join('\n');
}
