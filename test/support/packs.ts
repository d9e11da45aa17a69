import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { MeetingDto } from '../../apps/api/src/meetings/meetings.dto';
import { JobDto } from '../../apps/api/src/packs/packs.dto';
import { expectBody } from './responses';
import type { ApiResponse } from './test-app';
import { until } from './until';

const run = promisify(execFile);

export interface PackManifest {
  meeting: { id: string; symbol: string; title: string | null };
  languages: string[];
  formats: string[];
  pdf: { included: boolean; reason?: string };
  files: {
    file: string;
    symbol: string;
    title: string;
    language: string;
    format: string;
    bytes: number;
    sha256: string;
  }[];
}

interface Client {
  request(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown },
  ): Promise<ApiResponse<unknown>>;
}

/** The 7th CFM's id, from the seeded demo. */
export async function seventhCfm(client: Client, token: string): Promise<string> {
  const meetings = await client.request('GET', '/api/meetings?bodyCode=CFM', { token });
  const meeting = expectBody(meetings, MeetingDto.schema.array()).find((m) => m.sequence === 7);
  if (!meeting) throw new Error('the demo has no 7th CFM');
  return meeting.id;
}

/** Polls the job until it is done or failed (the job runs in another process or the same one). */
export async function jobSettled(
  client: Client,
  token: string,
  jobId: string,
  timeoutMs = 240_000,
): Promise<JobDto> {
  const job = await until(
    async () =>
      expectBody(await client.request('GET', `/api/jobs/${jobId}`, { token }), JobDto.schema),
    (body) => ['done', 'failed'].includes(body.status),
    timeoutMs,
  );
  return job;
}

export async function openPack(archive: Buffer) {
  const zip = await JSZip.loadAsync(archive);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as PackManifest;
  return { zip, manifest };
}

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The text of a PDF, as pdftotext reads it. */
export async function pdfText(content: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'chancery-pdf-'));
  const path = join(dir, 'file.pdf');
  await writeFile(path, content);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  return stdout;
}

/** A stand-in for LibreOffice: answers --version, then does what `convert` says (shell). */
export async function fakeLibreOffice(convert: string): Promise<{ path: string; log: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'chancery-fake-lo-'));
  const path = join(dir, 'soffice');
  const log = join(dir, 'calls.log');
  await writeFile(
    path,
    `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "LibreOffice 7.4 (fake)"; exit 0; fi\necho call >> "${log}"\n${convert}\n`,
    { mode: 0o755 },
  );
  return { path, log };
}
