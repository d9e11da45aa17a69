/**
 * Renders a Word document from the database to a file, for the secretariat's scripts:
 *
 *   npm run render -- provisional-agenda --meeting CFM/7 --lang ru --out agenda-ru.docx
 *   npm run render -- text --draft CICA/CFM/7/DOC.1 --revision 2
 *   npm run render -- redline --draft CICA/CFM/7/DOC.1 --from 1 --to 2
 *   npm run render -- consensus-report                 (every draft under review or at consensus)
 *
 * Uses DATABASE_URL, or the embedded database in DATA_DIR (the running service's, if it is up).
 */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DraftRepository, openDatabase, AmendmentRepository } from '@chancery/persistence';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../apps/api/src/config/config';
import {
  DocumentsService,
  DRAFT_DOCUMENTS,
  MEETING_DOCUMENTS,
} from '../apps/api/src/documents/documents.service';

const USAGE = `usage: npm run render -- <document> [options]
documents: ${[...MEETING_DOCUMENTS, ...DRAFT_DOCUMENTS].join(', ')}
  --meeting <id | BODY/N>     the meeting (e.g. CFM/7) of an agenda or list of documents
  --draft <id | symbol>       the draft (e.g. CICA/CFM/7/DOC.1) of a text, redline or consensus report
  --lang CODE                 a working language (default: the forum's first)
  --revision N                text: the revision (default the current one)
  --from N --to M             redline: the revisions compared (default the last two)
  --out FILE                  where to write (default: the file name made from the symbol)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const positive = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) fail(`--${name} must be a positive whole number`);
  return Number(value);
};

async function findMeeting(dataSource: DataSource, ref: string): Promise<string> {
  const designation = /^([A-Za-z][A-Za-z0-9]*)\/(\d+)$/.exec(ref);
  const rows = await dataSource.query<{ id: string }[]>(
    designation
      ? 'SELECT m.id FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.code = upper($1) AND m.sequence = $2'
      : 'SELECT id FROM meetings WHERE id::text = $1',
    designation ? [designation[1], Number(designation[2])] : [ref],
  );
  if (!rows[0]) fail(`No meeting ${ref}`);
  return rows[0].id;
}

async function findDraft(dataSource: DataSource, ref: string): Promise<string> {
  const rows = await dataSource.query<{ id: string }[]>(
    'SELECT id FROM drafts WHERE id::text = $1 OR symbol = $1',
    [ref],
  );
  if (!rows[0]) fail(`No draft ${ref}`);
  return rows[0].id;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      meeting: { type: 'string' },
      draft: { type: 'string' },
      lang: { type: 'string' },
      revision: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [name] = positionals;
  if (!name) fail('Name the document to render.');
  const language = values.lang;

  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    embeddedPort: config.EMBEDDED_PG_PORT,
    poolSize: 2,
  });
  const documents = new DocumentsService(
    database.dataSource,
    new DraftRepository(),
    config,
    new AmendmentRepository(),
  );
  try {
    let rendered;
    if ((MEETING_DOCUMENTS as readonly string[]).includes(name)) {
      if (!values.meeting) fail(`${name} needs --meeting`);
      const meetingId = await findMeeting(database.dataSource, values.meeting);
      rendered = await documents.meetingDocument(
        null,
        meetingId,
        name as (typeof MEETING_DOCUMENTS)[number],
        language,
      );
    } else if ((DRAFT_DOCUMENTS as readonly string[]).includes(name)) {
      if (!values.draft && name === 'consensus-report') {
        rendered = await documents.consensusReportOfOpenDrafts(null, language);
      } else {
        if (!values.draft) fail(`${name} needs --draft`);
        const draftId = await findDraft(database.dataSource, values.draft);
        rendered = await documents.draftDocument(
          null,
          draftId,
          name as (typeof DRAFT_DOCUMENTS)[number],
          {
            language,
            revision: positive(values.revision, 'revision'),
            from: positive(values.from, 'from'),
            to: positive(values.to, 'to'),
          },
        );
      }
    } else {
      fail(`Unknown document "${name}".`);
    }
    const out = values.out ?? rendered.fileName;
    await writeFile(out, rendered.buffer!);
    process.stdout.write(`${rendered.symbol} → ${out} (${rendered.buffer!.length} bytes)\n`);
  } finally {
    await documents.onApplicationShutdown();
    await database.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`render failed: ${message}\n`);
  process.exit(1);
});
