import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository's `templates/` folder, found from this file rather than the working directory:
 * the package root is the nearest folder above with a package.json and a templates/ folder,
 * which holds for the sources (libs/documents/src) and for a build (dist/libs/documents/src).
 */
export function defaultTemplatesDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates')))
      return join(dir, 'templates');
    if (dirname(dir) === dir)
      throw new Error(`no templates/ folder next to a package.json above ${__dirname}`);
  }
}
