import { Inject, Injectable } from '@nestjs/common';
import { matchRevisionInput, previousParagraphsOf, type RevisionContent } from '@chancery/domain';
import type { ImportWarning, WordReading } from '@chancery/documents';
import type { Principal } from '../auth/principal';
import { checkIfMatch } from '../common/etag';
import { WordReader } from '../word-upload/word-reader';
import type { WordUpload } from '../word-upload/word-upload';
import { DraftQueriesService } from './draft-queries.service';
import { AddRevisionService } from './use-cases/add-revision.service';

export interface RevisionImportPreview {
  title: string;
  preamble: { id?: string; text: string }[];
  operative: { id?: string; text: string }[];
  matched: Record<string, number>;
  /** Paragraphs of the current revision that no imported paragraph matched: they would go. */
  unmatched: string[];
  /** The revision the ids and similarities refer to (0 before the first). */
  basedOn: number;
  warnings: ImportWarning[];
}

/**
 * A Word file as the draft's next revision: read off the event loop, its paragraphs matched
 * to the current revision's so that they keep their ids, previewed (dry run) or stored through
 * the ordinary add-revision use case (the same checks, transaction and audit entry).
 */
@Injectable()
export class RevisionImportService {
  constructor(
    @Inject(WordReader) private readonly reader: WordReader,
    @Inject(DraftQueriesService) private readonly drafts: DraftQueriesService,
    @Inject(AddRevisionService) private readonly addRevision: AddRevisionService,
  ) {}

  async preview(
    principal: Principal,
    id: string,
    upload: WordUpload,
  ): Promise<RevisionImportPreview> {
    // The file first: a refusal then costs no database work at all.
    const reading = await this.reader.read(upload.file);
    const draft = await this.drafts.get(principal, id);
    return this.match(draft.revision, draft.title, reading);
  }

  async import(principal: Principal, id: string, upload: WordUpload, ifMatch: string | undefined) {
    const reading = await this.reader.read(upload.file);
    const draft = await this.drafts.get(principal, id);
    // The ids were matched against this read of the draft: a missing or stale If-Match is
    // refused here, and the write checks it again under the row lock, so a revision arriving
    // meanwhile cannot be overwritten with ids matched against the one before.
    checkIfMatch(ifMatch, draft.etag, true);
    const preview = this.match(draft.revision, draft.title, reading);
    const note = upload.fields.note?.trim() || `Imported from ${upload.filename || 'a Word file'}`;
    const reason = upload.fields.reason?.trim() || undefined;
    return this.addRevision.execute(
      principal,
      id,
      {
        title: preview.title,
        preamble: preview.preamble,
        operative: preview.operative,
        note: note.slice(0, 4000),
        reason,
      },
      ifMatch,
    );
  }

  private match(
    current: (RevisionContent & { number: number }) | null,
    draftTitle: string,
    reading: WordReading,
  ): RevisionImportPreview {
    const input = matchRevisionInput(current, reading.paragraphs);
    const kept = new Set(Object.keys(input.matched));
    return {
      title: reading.title ?? current?.title ?? draftTitle,
      preamble: input.preamble.map(stripNull),
      operative: input.operative.map(stripNull),
      matched: input.matched,
      unmatched: previousParagraphsOf(current)
        .map((p) => p.id)
        .filter((paragraphId) => !kept.has(paragraphId)),
      basedOn: current?.number ?? 0,
      warnings: reading.warnings,
    };
  }
}

function stripNull(paragraph: { id?: string | null; text: string }): { id?: string; text: string } {
  return paragraph.id ? { id: paragraph.id, text: paragraph.text } : { text: paragraph.text };
}
