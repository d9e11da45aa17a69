import { Inject, Injectable } from '@nestjs/common';
import {
  type TrackedAmendment,
  amendmentsFromTrackedCopy,
  decideTrackedAmendments,
  unwrap,
} from '@chancery/domain';
import { type ImportWarning, WORD_IMPORT_REFUSALS } from '@chancery/documents';
import { TransactionRunner } from '../application/transaction-runner';
import type { Principal } from '../auth/principal';
import { AppError, invalid } from '../common/app-error';
import { WordReader } from '../word-upload/word-reader';
import type { WordUpload } from '../word-upload/word-upload';
import { type AmendmentView, AmendmentsService } from './amendments.service';

/** How the note of an amendment read from Word says where it came from. */
function provenance(amendment: TrackedAmendment, fileName: string): string {
  const by = amendment.authors.length > 0 ? ` by ${amendment.authors.join(', ')}` : '';
  const on = amendment.date ? ` (${amendment.date.slice(0, 10)})` : '';
  return `Tracked change${by}${on} in ${fileName}.`;
}

export interface AmendmentImportPreview {
  revision: number;
  stateCode: string;
  /** What would be proposed, one amendment per changed paragraph, in reading order. */
  amendments: {
    changes: TrackedAmendment['change'][];
    authors: string[];
    date: string | null;
    note: string;
  }[];
  warnings: ImportWarning[];
}

/**
 * A delegation's copy of the current revision with Word tracked changes, as that delegation's
 * amendments (DESIGN.md, "Word in"): read off the event loop, tied to the current revision's
 * paragraphs under the draft's row lock, and proposed through the ordinary proposal (the same
 * checks, audit entries and notices), all in one transaction. A dry run is the same
 * transaction rolled back, so its preview is exactly what confirming would store.
 */
@Injectable()
export class AmendmentImportService {
  constructor(
    @Inject(WordReader) private readonly reader: WordReader,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AmendmentsService) private readonly amendments: AmendmentsService,
  ) {}

  async preview(principal: Principal, draftId: string, upload: WordUpload) {
    return this.run(principal, draftId, upload, true);
  }

  async import(principal: Principal, draftId: string, upload: WordUpload) {
    return (await this.run(principal, draftId, upload, false)).stored;
  }

  private async run(
    principal: Principal,
    draftId: string,
    upload: WordUpload,
    rehearse: boolean,
  ): Promise<AmendmentImportPreview & { stored: AmendmentView[] }> {
    const stateCode = (upload.fields.stateCode?.trim() || principal.stateCode || '').toUpperCase();
    if (!stateCode)
      throw invalid('stateCode', 'Name the member state whose amendments the copy holds.');
    const revision = parseRevision(upload.fields.revision);
    const note = upload.fields.note?.trim() ?? '';
    const fileName = upload.filename || 'a Word file';
    // The file first: a refusal then costs no database work at all.
    const reading = await this.reader.read(upload.file);
    if (!reading.paragraphs.some((p) => p.changes.length > 0))
      throw new AppError('NO_TRACKED_CHANGES', WORD_IMPORT_REFUSALS.NO_TRACKED_CHANGES, {
        field: 'file',
      });
    return this.transactions.onDraft(
      principal,
      draftId,
      { ifMatch: undefined, required: false, rehearse },
      async (uow) => {
        const current = await this.amendments.currentContent(uow.manager, uow.draft);
        const onRevision = revision ?? uow.draft.current_revision;
        const tracked = unwrap(
          decideTrackedAmendments(
            amendmentsFromTrackedCopy(current, reading.paragraphs),
            uow.draft.current_revision,
          ),
        );
        const proposals = tracked.map((amendment) => ({
          changes: [amendment.change],
          authors: amendment.authors,
          date: amendment.date,
          note: [note, provenance(amendment, fileName)].filter(Boolean).join(' ').slice(0, 4000),
        }));
        const stored: AmendmentView[] = [];
        for (const proposal of proposals) {
          stored.push(
            await this.amendments.proposeIn(
              uow,
              principal,
              { revision: onRevision, stateCode, changes: proposal.changes, note: proposal.note },
              { from: 'word', file: fileName, authors: proposal.authors },
            ),
          );
        }
        return {
          revision: onRevision,
          stateCode,
          amendments: proposals,
          warnings: reading.warnings.filter((w) => w.code !== 'TRACKED_CHANGES_ACCEPTED'),
          stored,
        };
      },
    );
  }
}

function parseRevision(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw invalid('revision', 'revision is the number of the revision the copy was made from.');
  return number;
}
