import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { AppError } from './app-error';

// A NUL cannot be stored in PostgreSQL text, and a lone surrogate is not text at all (it has
// no UTF-8 form): both are refused where they enter, naming the field.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function findUnstorable(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (UNSTORABLE.test(key)) return childPath;
    const found = findUnstorable(child, childPath, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Runs on every body, query and route parameter, before validation. */
@Injectable()
export class TextSafetyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const root = metadata.type === 'body' ? '' : (metadata.data ?? '');
    const field = findUnstorable(value, root);
    if (field !== null) {
      throw new AppError(
        'INVALID_CHARACTERS',
        `${field || '(body)'}: contains a NUL character or a lone surrogate, which text cannot hold.`,
        { field: field || '(body)' },
      );
    }
    return value;
  }
}
