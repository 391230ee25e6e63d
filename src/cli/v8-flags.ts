// V8 settings for the clair process, applied before the rest of clair loads (import this module first). Output is
// the same with or without them; they only change how much CPU a build spends compiling. Both measured in
// alternating runs of `clair build brochure --format pdf` on a 2-core machine.
import { setFlagsFromString } from 'node:v8';

// harfbuzz (shaping and font subsetting) runs as WebAssembly. V8 would recompile its hot functions with TurboFan in
// the background; a build is too short to earn that back: with Liftoff's code alone a build used ~0.4 s less CPU
// and finished ~0.1 s sooner.
setFlagsFromString('--liftoff-only');
// V8 sends a JavaScript function to TurboFan after ~66 KB of its bytecode has run. A brochure build spent ~1 s of
// CPU optimizing code it then ran only briefly; six times that budget keeps TurboFan for the truly hot loops: the
// shipped data builds ~0.2 s sooner with ~0.8 s less CPU, and a 5,000-row table builds as fast as before.
setFlagsFromString('--interrupt-budget=400000');
// After each full collection V8 lets the old generation grow by a factor of up to 4 before the next one, so a
// brochure with 10,000 events peaked at ~970 MB of memory while no more than ~310 MB of it was ever alive (the
// laid-out edition pdfmake holds until it writes it). Growing by 20 % at most kept that build at ~670 MB for ~2 %
// more CPU; the shipped data, whose heap stays small, builds as before.
setFlagsFromString('--heap-growing-percent=20');
