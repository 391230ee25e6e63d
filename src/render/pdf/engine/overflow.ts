// pdfmake keeps an unbreakable block (a row of photos with their captions, a table row under `dontBreakRows`, a
// table's header with its first row) on one page, and has "no support for multi-page unbreakableBlocks": a block
// taller than a whole page is silently lost (a 2,000-character caption, a very long table cell). In 0.3.11 the
// block is laid out on a page of no height (ElementWriter.pushContext reads `page.height`, which pages do not
// have), so it never breaks, and then fits on no page at all. clair keeps such blocks whole where they fit, and where one cannot fit on any page, lays the
// document out again with that block allowed to break, so its text continues on the next page instead of
// vanishing. pdfmake itself lays a document out several times (pageBreakBefore), so a new attempt is supported.
import { pdfmakeModule } from './internals.js';

/** Thrown by the outermost unbreakable block that ran over a page; the node that opened it is filled in on the way up. */
class BlockTallerThanPage extends Error {
  node?: LayoutNode;
  constructor() {
    super('an unbreakable block is taller than a page');
  }
}

interface LayoutNode {
  unbreakable?: boolean;
  table?: { dontBreakRows?: boolean; keepWithHeaderRows?: number };
}
interface Context {
  pages: unknown[];
  y: number;
  pageMargins: { top: number; bottom: number };
  getCurrentPage(): { pageSize: { height: number } } | null;
}
interface PageElementWriterClass {
  prototype: {
    transactionLevel: number;
    contextStack: Context[];
    repeatables: { height: number }[];
    context(): Context;
    commitUnbreakableBlock(forcedX?: number, forcedY?: number): void;
  };
}
interface LayoutBuilderClass {
  prototype: {
    processNode(node: LayoutNode, ...rest: unknown[]): unknown;
    tryLayoutDocument(...args: unknown[]): unknown;
  };
}

/** Blocks made breakable in one document before giving up (each attempt frees one). */
const MAX_ATTEMPTS = 200;

/** Allows a block that cannot fit on any page to break there, so nothing is lost. Returns whether it could. */
export function allowBreaking(node: LayoutNode): boolean {
  if (node.unbreakable) {
    node.unbreakable = false;
    return true;
  }
  if (node.table && (node.table.dontBreakRows || node.table.keepWithHeaderRows)) {
    node.table.dontBreakRows = false;
    node.table.keepWithHeaderRows = 0;
    return true;
  }
  return false;
}

/** Allowed for rounding: 1/100 pt. */
const TOLERANCE = 0.01;

function tallerThanPage(writer: PageElementWriterClass['prototype']): boolean {
  const block = writer.context();
  if (block.pages.length > 1) return true;
  const flow = writer.contextStack[writer.contextStack.length - 1];
  const page = flow?.getCurrentPage();
  if (!flow || !page) return false;
  const room = page.pageSize.height - flow.pageMargins.top - flow.pageMargins.bottom - writer.repeatables.reduce((sum, r) => sum + r.height, 0);
  return block.y > room + TOLERANCE;
}

let installed = false;

export function installOverflowBreaking(): void {
  if (installed) return;
  const PageElementWriter = pdfmakeModule<PageElementWriterClass>('PageElementWriter');
  const LayoutBuilder = pdfmakeModule<LayoutBuilderClass>('LayoutBuilder');

  const commit = PageElementWriter.prototype.commitUnbreakableBlock;
  PageElementWriter.prototype.commitUnbreakableBlock = function commitOrOverflow(forcedX, forcedY) {
    // The outermost block of the flow (not a header or footer, placed at forced coordinates) that no page can hold
    // below the repeated table headers: pdfmake would drop it, or keep its first page only.
    if (this.transactionLevel === 1 && forcedX === undefined && forcedY === undefined && tallerThanPage(this)) {
      throw new BlockTallerThanPage();
    }
    return commit.call(this, forcedX, forcedY);
  };

  const processNode = LayoutBuilder.prototype.processNode;
  LayoutBuilder.prototype.processNode = function processNodeNoting(node, ...rest) {
    if (!node.unbreakable && !node.table) return processNode.call(this, node, ...rest);
    try {
      return processNode.call(this, node, ...rest);
    } catch (error) {
      if (error instanceof BlockTallerThanPage && error.node === undefined && (node.unbreakable || node.table?.dontBreakRows || node.table?.keepWithHeaderRows)) error.node = node;
      throw error;
    }
  };

  const tryLayout = LayoutBuilder.prototype.tryLayoutDocument;
  LayoutBuilder.prototype.tryLayoutDocument = function tryLayoutBreakingOverflow(...args) {
    for (let attempt = 0; ; attempt++) {
      try {
        return tryLayout.apply(this, args);
      } catch (error) {
        if (!(error instanceof BlockTallerThanPage) || !error.node || attempt >= MAX_ATTEMPTS || !allowBreaking(error.node)) throw error;
      }
    }
  };
  installed = true;
}
