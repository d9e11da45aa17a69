import {
  AlignmentType,
  DeletedTextRun,
  Document,
  InsertedTextRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import type { ApiResponse, TestApp } from './test-app';

/** Posts a file as multipart/form-data in the field `file`, as a browser form or curl -F would. */
export async function uploadWord(
  api: TestApp,
  path: string,
  options: {
    token: string;
    bytes: Buffer;
    filename?: string;
    fields?: Record<string, string>;
    headers?: Record<string, string>;
  },
): Promise<ApiResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  form.append(
    'file',
    new Blob([new Uint8Array(options.bytes)], {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }),
    options.filename ?? 'draft.docx',
  );
  const response = await fetch(`${api.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token}`, ...options.headers },
    body: form,
  });
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, headers: response.headers, body };
}

/** Operative paragraphs numbered by Word ("1.", "2.", …), as a drafter's template has them. */
const OPERATIVE_NUMBERING = {
  config: [
    {
      reference: 'operative',
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
      ],
    },
  ],
};

/**
 * A drafter's file made with the docx library: a Title, preambular paragraphs opening in
 * italics, operative paragraphs numbered by Word.
 */
export function draftDocx(title: string, preamble: string[], operative: string[]): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      numbering: OPERATIVE_NUMBERING,
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, text: title }),
            ...preamble.map((text) => {
              const [lead, ...rest] = text.split(' ');
              return new Paragraph({
                children: [
                  new TextRun({ text: lead, italics: true }),
                  new TextRun(` ${rest.join(' ')}`),
                ],
              });
            }),
            ...operative.map(
              (text) => new Paragraph({ text, numbering: { reference: 'operative', level: 0 } }),
            ),
          ],
        },
      ],
    }),
  );
}

/** A paragraph of a delegation's copy: kept as it is, or carrying Word tracked changes. */
export type TrackedCopyParagraph =
  | { kind: 'kept'; text: string }
  | { kind: 'edited'; runs: ({ text: string } | { ins: string } | { del: string })[] }
  | { kind: 'inserted'; text: string }
  | { kind: 'deleted'; text: string };

/**
 * A delegation's copy of a revision with tracked changes by `author`, as Word writes them
 * (w:ins / w:del with w:author and w:date), made with the docx library: the title, then the
 * preamble, then the operative paragraphs numbered by Word.
 */
export function trackedCopyDocx(
  author: string,
  title: string,
  preamble: TrackedCopyParagraph[],
  operative: TrackedCopyParagraph[],
): Promise<Buffer> {
  let id = 0;
  const date = '2026-11-30T10:00:00Z';
  const mark = { author, date };
  const runsOf = (paragraph: TrackedCopyParagraph) => {
    switch (paragraph.kind) {
      case 'kept':
        return [new TextRun(paragraph.text)];
      case 'inserted':
        return [new InsertedTextRun({ text: paragraph.text, id: ++id, ...mark })];
      case 'deleted':
        return [new DeletedTextRun({ text: paragraph.text, id: ++id, ...mark })];
      case 'edited':
        return paragraph.runs.map((run) =>
          'ins' in run
            ? new InsertedTextRun({ text: run.ins, id: ++id, ...mark })
            : 'del' in run
              ? new DeletedTextRun({ text: run.del, id: ++id, ...mark })
              : new TextRun(run.text),
        );
    }
  };
  return Packer.toBuffer(
    new Document({
      features: { trackRevisions: true },
      numbering: OPERATIVE_NUMBERING,
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, text: title }),
            ...preamble.map((p) => new Paragraph({ children: runsOf(p) })),
            ...operative.map(
              (p) =>
                new Paragraph({
                  children: runsOf(p),
                  numbering: { reference: 'operative', level: 0 },
                }),
            ),
          ],
        },
      ],
    }),
  );
}
