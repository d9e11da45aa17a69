// Reading TEMPLATES_DIR: the language folders and the `.hbs` files in each, refusing anything that
// is not a plain file inside the root.

import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { LANGUAGE_FOLDER } from './document-kind';
import { TemplateError } from './template-error';

/**
 * Templates are edited by people, not code: a symbolic link (or a folder that is one) could
 * make the renderer read any file the service can, so only plain files inside the root are read.
 */
async function refuseOutside(root: string, path: string): Promise<void> {
  const name = relative(root, path) || '.';
  const refuse = (reason: string) => {
    throw new TemplateError({ templateName: name, language: '*', reason });
  };
  const stats = await lstat(path);
  if (stats.isSymbolicLink())
    refuse(`${name} is a symbolic link: templates must be plain files inside TEMPLATES_DIR`);
  const real = await realpath(path);
  if (real !== root && !real.startsWith(root + sep)) refuse(`${name} lies outside TEMPLATES_DIR`);
}

/** The languages TEMPLATES_DIR has templates for: its folders named by a language code. */
export async function templateLanguages(templatesDir: string): Promise<string[]> {
  const entries = await readdir(templatesDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && LANGUAGE_FOLDER.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

export async function readTemplateFolder(
  root: string,
  dir: string,
  required: boolean,
): Promise<Record<string, string>> {
  let entries: string[];
  try {
    await refuseOutside(root, dir);
    entries = await readdir(dir);
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const sources: Record<string, string> = {};
  await Promise.all(
    entries
      .filter((entry) => entry.endsWith('.hbs'))
      .map(async (entry) => {
        const path = join(dir, entry);
        await refuseOutside(root, path);
        sources[entry.slice(0, -'.hbs'.length)] = await readFile(path, 'utf8');
      }),
  );
  return sources;
}
