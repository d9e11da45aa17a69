import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class PdfConversionError extends Error {}

export interface PdfConverterOptions {
  /** The LibreOffice executable; null when PDF is switched off. */
  command: string | null;
  /** LibreOffice processes at once in this replica. */
  concurrency: number;
  /** Time allowed per file of a call (plus one file's worth for LibreOffice to start). */
  timeoutPerFileMs: number;
  /** Attempts of one batch before the conversion is reported failed. */
  attempts: number;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  output: string;
}

/**
 * Word to PDF by LibreOffice headless, in child processes (off the event loop), at most
 * `concurrency` at once, each under a time limit, with a profile of its own: two processes on
 * one profile make one exit 1 with no PDF (see STACK.md). A PDF is believed only once it exists
 * and is not empty.
 */
export class PdfConverter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private availability: Promise<string | null> | null = null;

  constructor(private readonly options: PdfConverterOptions) {}

  /** Null when PDFs can be made; otherwise why not (said in the manifest and the desk). */
  unavailable(): Promise<string | null> {
    this.availability ??= this.probe();
    return this.availability;
  }

  /** Converts the .docx files into `outDir`; the PDFs' paths, in the order given. */
  async convert(inputs: string[], outDir: string): Promise<string[]> {
    const reason = await this.unavailable();
    if (reason) throw new PdfConversionError(reason);
    let last: Error | null = null;
    for (let attempt = 1; attempt <= this.options.attempts; attempt += 1) {
      try {
        return await this.withSlot(() => this.convertOnce(inputs, outDir));
      } catch (error) {
        last = error as Error;
      }
    }
    throw new PdfConversionError(
      `PDF conversion failed after ${this.options.attempts} attempts: ${last?.message}`,
    );
  }

  private async convertOnce(inputs: string[], outDir: string): Promise<string[]> {
    const profile = await mkdtemp(join(tmpdir(), 'chancery-lo-'));
    try {
      const run = await this.run(
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--norestore',
          '--nologo',
          '--convert-to',
          'pdf',
          '--outdir',
          outDir,
          ...inputs,
        ],
        this.options.timeoutPerFileMs * (inputs.length + 1),
      );
      if (run.timedOut)
        throw new Error(
          `LibreOffice did not finish ${inputs.length} file(s) within ${this.options.timeoutPerFileMs} ms each`,
        );
      const outputs = inputs.map((input) => join(outDir, `${basename(input, extname(input))}.pdf`));
      for (const output of outputs) {
        const size = await stat(output).then(
          (s) => s.size,
          () => 0,
        );
        if (size === 0)
          throw new Error(
            `LibreOffice made no PDF of ${basename(output, '.pdf')} (exit ${run.code ?? run.signal}): ${run.output.trim().slice(0, 300)}`,
          );
      }
      return outputs;
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  }

  private async probe(): Promise<string | null> {
    const { command } = this.options;
    if (!command) return 'PDF conversion is switched off (LIBREOFFICE_PATH=off)';
    try {
      const run = await this.run(['--version'], 30_000);
      if (run.code === 0) return null;
      return `LibreOffice (${command}) did not run: exit ${run.code ?? run.signal}`;
    } catch (error) {
      return `LibreOffice is not installed on this server (${command}: ${(error as Error).message})`;
    }
  }

  private run(args: string[], timeoutMs: number): Promise<Run> {
    return new Promise((resolve, reject) => {
      // A process group of its own: soffice starts soffice.bin, and a time-out kills both.
      const child = spawn(this.options.command!, args, {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      let timedOut = false;
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, timeoutMs);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, timedOut, output });
      });
    });
  }

  private async withSlot<T>(work: () => Promise<T>): Promise<T> {
    while (this.running >= this.options.concurrency) {
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}
