import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TemplateError } from './template-error';
import { TemplateRegistry } from './template-registry';
import { defaultTemplatesDir } from './templates-dir';

/** A copy of the repository's templates that a test may spoil. */
async function templatesCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'chancery-templates-'));
  await cp(defaultTemplatesDir(), dir, { recursive: true });
  return dir;
}

describe('loading templates from TEMPLATES_DIR', () => {
  const made: string[] = [];
  afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('loads the plain files of a copy', async () => {
    const dir = await templatesCopy();
    made.push(dir);
    await expect(TemplateRegistry.load(dir)).resolves.toBeInstanceOf(TemplateRegistry);
  });

  it('refuses a template that is a symbolic link, even to a template', async () => {
    const dir = await templatesCopy();
    made.push(dir);
    const target = join(dir, 'en', 'redline.hbs');
    await rm(target);
    await symlink('/etc/hostname', target);
    await expect(TemplateRegistry.load(dir)).rejects.toThrow(TemplateError);
    await expect(TemplateRegistry.load(dir)).rejects.toThrow(/en\/redline\.hbs is a symbolic link/);
  });

  it('refuses a partials folder that leads outside TEMPLATES_DIR', async () => {
    const dir = await templatesCopy();
    const outside = await mkdtemp(join(tmpdir(), 'chancery-outside-'));
    made.push(dir, outside);
    await cp(join(dir, 'en', 'partials'), outside, { recursive: true });
    await writeFile(join(outside, 'letterhead.hbs'), 'planted');
    await rm(join(dir, 'en', 'partials'), { recursive: true });
    await symlink(outside, join(dir, 'en', 'partials'));
    await expect(TemplateRegistry.load(dir)).rejects.toThrow(/en\/partials is a symbolic link/);
  });

  it("has no `log` helper: a template cannot write to the service's console", async () => {
    const registry = await TemplateRegistry.load();
    expect(() =>
      registry.withTemplate(
        'en',
        'provisional-agenda',
        '<document language="en"><body><p>{{log "leak" this}}</p></body></document>',
      ),
    ).toThrow(TemplateError);
  });
});
