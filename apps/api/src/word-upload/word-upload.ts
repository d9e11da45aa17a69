import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';

/** The largest Word file an upload route takes (413 above); JSON bodies keep their own limit. */
export const WORD_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/**
 * multipart/form-data for the Word upload routes. The plugin reads nothing by itself: only a
 * route that asks for its parts (readWordUpload) accepts a file, so the limit is theirs alone.
 */
export async function registerWordUpload(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: WORD_UPLOAD_MAX_BYTES,
      files: 1,
      fields: 8,
      fieldSize: 16 * 1024,
      parts: 9,
    },
  });
}

export interface WordUpload {
  file: Buffer;
  filename: string;
  fields: Record<string, string>;
}

/** The `file` part and the text fields of an upload, or the 4xx that says what is wrong. */
export async function readWordUpload(request: FastifyRequest): Promise<WordUpload> {
  if (!request.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the Word file as multipart/form-data, in the field "file".',
      { field: 'file' },
    );
  }
  const fields: Record<string, string> = {};
  let upload: { file: Buffer; filename: string } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== 'file' || upload) {
        await part.toBuffer();
        continue;
      }
      const file = await part.toBuffer();
      // A streamed part over the limit is only truncated, not refused: check it.
      if (part.file.truncated) throw fileTooLarge();
      upload = { file, filename: part.filename };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge();
    if (code?.startsWith('FST_')) {
      throw new AppError(
        'BAD_MULTIPART',
        `The upload could not be read: ${(error as Error).message}`,
        {
          field: 'file',
        },
      );
    }
    throw error;
  }
  if (!upload) {
    throw new AppError('FILE_REQUIRED', 'Attach the Word file in the field "file".', {
      field: 'file',
    });
  }
  return { ...upload, fields };
}

function fileTooLarge(): AppError {
  return new AppError(
    'FILE_TOO_LARGE',
    `The file is larger than ${WORD_UPLOAD_MAX_BYTES / 1024 / 1024} MiB, the most this route takes.`,
    { field: 'file', facts: { maxBytes: WORD_UPLOAD_MAX_BYTES } },
  );
}

/** The `dryRun` query of the upload routes: true, false, or absent (false). */
export function isDryRun(value: string | undefined): boolean {
  if (value !== undefined && value !== 'true' && value !== 'false')
    throw new AppError('INVALID_VALUE', 'dryRun is true or false.', { field: 'dryRun' });
  return value === 'true';
}
