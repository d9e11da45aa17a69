// LibreOffice for the tests that check a Word file opens outside Word: it converts .docx files
// to PDF in one call, with a profile of its own (two calls sharing the default profile fail).

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const hasSoffice =
  spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 }).status === 0;

/** Converts the files in `dir` to PDF next to them; the exit status and any spawn error. */
export function convertToPdf(
  dir: string,
  files: readonly string[],
  timeoutMs = 150_000,
): { status: number | null; error: string | undefined } {
  const conversion = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...files,
    ],
    { encoding: 'utf8', timeout: timeoutMs },
  );
  return { status: conversion.status, error: conversion.error?.message };
}
