// The output formats of `clair compare`, in a module of their own so the CLI can list them without loading the
// writers.
export const COMPARE_FORMATS = ['table', 'markdown', 'csv', 'json', 'html'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
