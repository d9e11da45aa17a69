import { preconditionFailed, preconditionRequired } from './app-error';

/** A record's ETag: its id and its version, so a tag from one record never matches another. */
export function versionEtag(id: string, version: number): string {
  return `"${id.slice(0, 8)}.${version}"`;
}

function normalise(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/**
 * Checks If-Match against the current tag. `required` writes answer 428 without it; others
 * accept its absence (last writer wins only where nobody asked for protection).
 */
export function checkIfMatch(
  ifMatch: string | undefined,
  current: string,
  required: boolean,
): void {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    if (required) throw preconditionRequired();
    return;
  }
  const offered = ifMatch.split(',').map(normalise);
  if (offered.includes('*') || offered.includes(normalise(current))) return;
  throw preconditionFailed(ifMatch, current);
}
