import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import type { TestApp } from './test-app';

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
) {
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
  const body: any = type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, headers: response.headers, body };
}

/**
 * A drafter's file made with the docx library: a Title, preambular paragraphs opening in
 * italics, operative paragraphs numbered by Word.
 */
export function draftDocx(title: string, preamble: string[], operative: string[]): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      numbering: {
        config: [
          {
            reference: 'operative',
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: '%1.',
                alignment: AlignmentType.START,
              },
            ],
          },
        ],
      },
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
