// Where a file is in the repository: GitHub annotations and SARIF results name files relative to the repository
// root, whichever folder `clair validate` ran in (a workflow step with `working-directory: data`, or a data
// repository that holds clair's data in a sub-folder). The root is $GITHUB_WORKSPACE in a GitHub Actions job,
// $CI_PROJECT_DIR in GitLab CI, otherwise the nearest folder upwards holding .git; failing those, the working
// directory.
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export function repositoryRoot(cwd: string, exists: (path: string) => boolean, env: NodeJS.ProcessEnv = process.env): string {
  const fromCi = env.GITHUB_WORKSPACE || env.CI_PROJECT_DIR;
  if (fromCi) return resolve(fromCi);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (exists(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** A path as given to clair (relative to `cwd`, or absolute) → relative to `root`, with forward slashes. */
export function repositoryPath(root: string, cwd: string): (file: string) => string {
  return (file) => {
    const absolute = resolve(cwd, file);
    const rel = relative(root, absolute);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
  };
}
