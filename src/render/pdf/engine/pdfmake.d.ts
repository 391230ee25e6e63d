// pdfmake 0.3 ships no types and @types/pdfmake describes 0.2; clair uses this small surface.
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    virtualfs: { writeFileSync(path: string, data: Buffer): void; existsSync(path: string): boolean; readFileSync(path: string): Buffer };
    setFonts(fonts: Record<string, Record<string, unknown>>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(definition: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
