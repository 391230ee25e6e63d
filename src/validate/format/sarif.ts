// Diagnostics as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the format GitHub code scanning
// reads (github/codeql-action/upload-sarif): one run of the tool "clair", one rule per diagnostic code, one result
// per problem with its file (relative to the repository root, as code scanning needs), line and column. A test
// checks the output against the SARIF 2.1.0 JSON schema.
import type { Diagnostic, UiLanguage } from '../../diagnostics.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** clair's version, for the tool's driver. */
  version: string;
  /** Paths as the repository names them (see repositoryPath). */
  path: (file: string) => string;
}

export function formatSarif(diagnostics: readonly Diagnostic[], lang: UiLanguage, options: SarifOptions): string {
  const labels = lang === 'ja' ? { found: '値', expected: '期待' } : { found: 'found', expected: 'expected' };
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'clair',
          semanticVersion: options.version,
          informationUri: 'https://www.clair.or.jp/',
          rules: codes.map((id) => ({ id, name: id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()), shortDescription: { text: id } })),
        },
      },
      columnKind: 'unicodeCodePoints',
      results: diagnostics.map((d) => {
        const details = [
          ...(d.found !== undefined ? [`${labels.found}: ${d.found}`] : []),
          ...(d.expected ? [`${labels.expected}: ${d.expected[lang]}`] : []),
        ];
        const location: Record<string, unknown> = { artifactLocation: { uri: encodeURI(options.path(d.file)) } };
        if (d.line > 0) location.region = { startLine: d.line, startColumn: Math.max(1, d.column) };
        return {
          ruleId: d.code,
          ruleIndex: codes.indexOf(d.code),
          level: d.severity,
          message: { text: [d.message[lang], ...details].join('\n') },
          locations: [{ physicalLocation: location }],
          ...(d.pointer ? { properties: { pointer: d.pointer } } : {}),
        };
      }),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
