// Benchmark of `clair compare` (run: node bench/compare.bench.mjs, after npx tsc -p .). Measures the metrics
// pipeline in process on a synthetic office far larger than a real one (40 fiscal years, thousands of listed
// items) and the CLI end to end on the Seoul fixture, and fails (exit 1) when a target is missed.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const metrics = await import(join(root, 'dist', 'metrics', 'index.js'));
const { World } = await import(join(root, 'dist', 'world.js'));

// Generous on purpose: a quiet machine does each in well under half the time.
const TARGETS = {
  'compute + compare + 5 formats, synthetic 40-year office (median)': 250,
  'chart of a 40-year metric (median)': 20,
  'clair compare on the Seoul fixture, end to end (median)': 2500,
  'of which compare itself: minus `clair --help` start-up (median)': 800,
};

function syntheticOffice(years) {
  const fiscalYears = Array.from({ length: years }, (_, i) => 1990 + i);
  const body = { prefecture: '北海道' };
  return {
    office: { id: 'bench', shortName: { ja: 'ベンチ' }, countryName: { ja: 'ベンチ国' } },
    events: { events: fiscalYears.flatMap((fiscalYear) => Array.from({ length: 100 }, (_, i) => ({ fiscalYear, name: `e${i}`, dates: { start: `${fiscalYear}-05-01` }, venue: 'v' }))) },
    festival: { name: { ja: 'まつり' }, editions: fiscalYears.map((fiscalYear, i) => ({ fiscalYear, booths: { count: 10 + (i % 7), exhibitors: [] } })) },
    influencerVisits: { visits: fiscalYears.flatMap((fiscalYear) => Array.from({ length: 20 }, () => ({ fiscalYear, destinations: [{ host: body, spots: ['s'] }, { host: body, spots: ['t'] }] }))) },
    cookingClasses: { classes: fiscalYears.flatMap((fiscalYear) => Array.from({ length: 20 }, () => ({ fiscalYear, host: body, dishes: ['d'] }))) },
    snsChannel: { featured: fiscalYears.map((fiscalYear, i) => ({ fiscalYear, municipalities: i })) },
    lectures: { lectures: fiscalYears.flatMap((fiscalYear) => Array.from({ length: 12 }, (_, round) => ({ fiscalYear, round: round + 1, university: 'u', topics: ['t'] }))) },
    jet: {
      years: fiscalYears.map((fiscalYear, i) => ({ fiscalYear, countries: 40 + (i % 10), participants: 5000 + i * 13, fromOfficeCountry: 40 + i })),
      placements: fiscalYears.map((fiscalYear, i) => ({ fiscalYear, asOf: `${fiscalYear}-07-01`, total: 40 + i, byPosition: { ALT: 2, CIR: 38 + i, SEA: 0 } })),
    },
    seminars: { themes: fiscalYears.map((fiscalYear) => ({ fiscalYear, theme: 't' })) },
    sisterCities: { partnerships: { total: 172, asOf: '2026-03-05' }, exchangeProgrammes: fiscalYears.map((fiscalYear, i) => ({ fiscalYear, count: 100 + i })) },
    support: { cases: { yearly: fiscalYears.map((fiscalYear, i) => ({ fiscalYear, count: 50 + i })) }, surveys: { surveys: [{ fiscalYears }] } },
  };
}

function median(fn, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const labels = metrics.loadMetricLabels(new World({ dataRoot: root }));
const data = syntheticOffice(40);
const results = {};
results['compute + compare + 5 formats, synthetic 40-year office (median)'] = median(() => {
  const series = metrics.computeMetrics(data);
  const table = metrics.compareTable(series, {});
  for (const format of metrics.COMPARE_FORMATS) metrics.renderComparison(format, { table, series, labels, lang: 'ja', data });
}, 15);
const support = metrics.computeMetrics(data).find((s) => s.id === 'support-cases');
results['chart of a 40-year metric (median)'] = median(() => metrics.chartSvg(support, { lang: 'ja', labels }), 50);
const clair = (args) => () => {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'clair'), ...args], { stdio: 'pipe' });
  if (run.status !== 0) throw new Error(`clair ${args.join(' ')} failed: ${run.stderr}`);
};
const endToEnd = median(clair(['--data', join(root, 'src', 'metrics', '__fixtures__', 'single'), 'compare']), 5);
results['clair compare on the Seoul fixture, end to end (median)'] = endToEnd;
// Start-up (loading every command's modules) is shared by all commands; what compare adds is measured apart.
results['of which compare itself: minus `clair --help` start-up (median)'] = Math.max(0, endToEnd - median(clair(['--help']), 5));

let failed = false;
for (const [name, target] of Object.entries(TARGETS)) {
  const ms = results[name];
  const ok = ms <= target;
  failed ||= !ok;
  console.log(`${ok ? '✔' : '✖'} ${name}: ${ms.toFixed(1)} ms (target ${target} ms)`);
}
process.exitCode = failed ? 1 : 0;
