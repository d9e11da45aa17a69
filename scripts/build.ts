// `npm run build` and `npm start`'s pre-step: compiles with `nest build`, and with --if-stale
// only when the sources differ from those of the build in dist/ (a hash of every input, kept
// next to the build), so that starting a current build costs no compile.
//
//   node -r @swc-node/register scripts/build.ts              always build
//   node -r @swc-node/register scripts/build.ts --if-stale   build unless dist/ is current

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');
const stampFile = join(root, 'dist', '.build-inputs');
const entry = join(root, 'dist', 'apps', 'api', 'src', 'main.js');
/** What `nest build` reads (tsconfig.build.json and nest-cli.json's assets), and what shapes it. */
const INPUT_DIRS = ['apps', 'libs', 'migrations', 'scripts'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'];

function inputsDigest(): string {
  const hash = createHash('sha256');
  const add = (path: string) =>
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/\.(spec|test)\.ts$/.test(name)) add(path);
    }
  };
  for (const dir of INPUT_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  for (const file of INPUT_FILES) if (existsSync(join(root, file))) add(join(root, file));
  return hash.digest('hex');
}

function main(): void {
  const digest = inputsDigest();
  if (process.argv.includes('--if-stale') && existsSync(entry)) {
    const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
    if (built === digest) return;
  }
  const nest = join(root, 'node_modules', '.bin', 'nest');
  const result = spawnSync(nest, ['build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, `${digest}\n`);
}

main();
