// Writes one set of outputs with the compiled OutputSet, as `clair build` does, in a process of its own so a test
// can kill it for real (SIGKILL: no handler, no cleanup runs) before any one of its file-system changes.
//   node write-set.mjs <out-folder> <tag> <names,comma-separated> [kill-at] [fail-with-errno]
// Every file gets the text "<tag>:<name>". kill-at k: the process kills itself just before its k-th change of the
// file system (1-based). fail-with-errno: the first change fails with that errno (EROFS, EACCES, ENOSPC) instead.
// Prints {"changes": n} when it ran to the end, or the error's message with exit code 2.
// CLAIR_TEST_WINDOWS_FS=1 makes the file system answer as Windows does without Developer Mode: symlink fails with
// EPERM, and rename fails with EPERM when the new name exists as a folder or a link. Failed calls change nothing
// and are not steps. CLAIR_TEST_FOLDER_IN_USE=1 adds what Windows answers while a file in the output folder is open
// in another program: moving the folder fails with EBUSY.
import { createRequire, syncBuiltinESMExports } from 'node:module';

const [dir, tag, names, killAtArg, failWith] = process.argv.slice(2);
const killAt = Number(killAtArg ?? 0);
const fs = createRequire(import.meta.url)('node:fs');
let changes = 0;
const windows = process.env.CLAIR_TEST_WINDOWS_FS === '1';
/** What Windows refuses (see above), checked before a call counts as a change. */
function refusedOnWindows(name, args) {
  if (name === 'symlinkSync') return true;
  if (name === 'renameSync' && process.env.CLAIR_TEST_FOLDER_IN_USE === '1' && args[0] === dir) return 'EBUSY';
  if (name !== 'renameSync') return false;
  try {
    const stat = fs.lstatSync(args[1]);
    return stat.isDirectory() || stat.isSymbolicLink();
  } catch {
    return false;
  }
}
// Every call that changes the file system; reading calls are not steps.
for (const name of ['writeFileSync', 'mkdirSync', 'renameSync', 'rmSync', 'rmdirSync', 'unlinkSync', 'symlinkSync', 'linkSync', 'copyFileSync', 'appendFileSync', 'cpSync']) {
  const original = fs[name];
  fs[name] = function (...args) {
    const refused = windows && refusedOnWindows(name, args);
    if (refused) {
      const code = refused === true ? 'EPERM' : refused;
      throw Object.assign(new Error(`${code}: refused as on Windows, ${name} '${args[0]}'`), { code });
    }
    changes += 1;
    if (changes === killAt) process.kill(process.pid, 'SIGKILL');
    if (failWith && changes === 1) throw Object.assign(new Error(`${failWith}: injected, ${name} '${args[0]}'`), { code: failWith });
    return original.apply(this, args);
  };
}
syncBuiltinESMExports();

const { OutputSet } = await import(process.env.CLAIR_OUTPUTS_MODULE);
let outputs;
try {
  outputs = new OutputSet(dir);
  for (const name of names.split(',')) outputs.stage(name, `${tag}:${name}`);
  outputs.commit();
  process.stdout.write(JSON.stringify({ changes }));
} catch (error) {
  outputs?.abandon(); // as the build does
  process.stdout.write(error.message);
  process.exitCode = 2;
}
