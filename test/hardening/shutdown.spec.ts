import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startService } from '../support/service-process';

// A newcomer's `npm start` runs on the embedded PostgreSQL; Ctrl-C or a supervisor's SIGTERM
// must end it cleanly: requests finished, connections closed, then the database stopped.
describe('shutdown on the embedded database', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chancery-shutdown-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('on SIGTERM exits 0 with no error, having stopped its PostgreSQL', async () => {
    const service = await startService({
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    });
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
    const exited = once(service.child, 'exit');
    service.child.kill('SIGTERM');
    const [code, signal] = (await exited) as [number | null, string | null];
    const log = service.log();
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(log).toContain('shutting down');
    expect(log).not.toMatch(/Unhandled|"level":50|terminating connection/);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
