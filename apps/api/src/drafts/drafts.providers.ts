import type { Provider } from '@nestjs/common';
import {
  DraftRepository,
  DraftWriteRepository,
  MeetingRepository,
  AmendmentRepository,
} from '@chancery/persistence';
import { AmendmentsService } from '../amendments/amendments.service';
import { CLOCK, type Clock, systemClock } from '../application/clock';
import { TransactionRunner } from '../application/transaction-runner';
import { JobQueue } from '../jobs/job-queue';
import { workingLanguagesProvider } from '../languages/working-languages';
import { TranslationsService } from '../translations/translations.service';
import { DraftQueriesService } from './draft-queries.service';
import { SilenceDeadlines } from './silence-deadlines';
import { AddRevisionService } from './use-cases/add-revision.service';
import { ConcludeSilenceService } from './use-cases/conclude-silence.service';
import { RecordPositionService } from './use-cases/record-position.service';
import { RegisterDraftService } from './use-cases/register-draft.service';
import { RevisionStore } from './use-cases/revision-store';
import { SilenceSettlement } from './use-cases/silence-settlement';
import { StartSilenceProcedureService } from './use-cases/start-silence-procedure.service';
import { TransitionDraftService } from './use-cases/transition-draft.service';

/**
 * The drafts' use cases, their reads and what they share (the job queue they enqueue on; the
 * deadline worker is the app's): `clock` is a test's to replace.
 */
export function draftsProviders(clock: Clock = systemClock): Provider[] {
  return [
    { provide: CLOCK, useValue: clock },
    { provide: DraftRepository, useValue: new DraftRepository() },
    { provide: DraftWriteRepository, useValue: new DraftWriteRepository() },
    { provide: MeetingRepository, useValue: new MeetingRepository() },
    TransactionRunner,
    JobQueue,
    SilenceDeadlines,
    DraftQueriesService,
    { provide: AmendmentRepository, useValue: new AmendmentRepository() },
    AmendmentsService,
    workingLanguagesProvider,
    TranslationsService,
    RevisionStore,
    SilenceSettlement,
    RegisterDraftService,
    AddRevisionService,
    TransitionDraftService,
    RecordPositionService,
    StartSilenceProcedureService,
    ConcludeSilenceService,
  ];
}
