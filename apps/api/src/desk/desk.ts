import { DeskAmendmentsController } from './desk-amendments.controller';
import { DeskAmendmentsService } from './desk-amendments.service';
import { DeskAuthController } from './desk-auth.controller';
import { DeskDraftFormsController } from './desk-draft-forms.controller';
import { DeskDraftFormsService } from './desk-draft-forms.service';
import { DeskDraftService } from './desk-draft.service';
import { DeskDocumentsController } from './desk-documents.controller';
import { DeskDraftsController } from './desk-drafts.controller';
import { DeskTranslationsController } from './desk-translations.controller';
import { DeskExceptionFilter } from './desk-exception.filter';
import { DeskFallbackController } from './desk-fallback.controller';
import { DeskImportController } from './desk-import.controller';
import { DeskJobsController } from './desk-jobs.controller';
import { DeskPacksService } from './desk-packs.service';
import { DeskGuard } from './desk.guard';
import { DeskListsController } from './desk-lists.controller';
import { DeskListsService } from './desk-lists.service';
import { DeskMeetingService } from './desk-meeting.service';
import { DeskMeetingsController } from './desk-meetings.controller';
import { DeskNoticesController } from './desk-notices.controller';
import { DeskResponder } from './desk-responder';
import { DeskSettingsController } from './desk-settings.controller';
import { UserSettingsService } from '../auth/use-cases/user-settings.service';
import { DeskViews } from './desk-views';

/** The officials' pages under /desk, registered in AppModule beside the API. */
export const DESK_CONTROLLERS = [
  DeskAuthController,
  DeskListsController,
  DeskDraftsController,
  DeskDraftFormsController,
  DeskTranslationsController,
  DeskAmendmentsController,
  DeskMeetingsController,
  DeskDocumentsController,
  DeskImportController,
  DeskNoticesController,
  DeskSettingsController,
  DeskJobsController,
  // Last: it answers whatever no other desk route does.
  DeskFallbackController,
];

export const DESK_PROVIDERS = [
  DeskViews,
  DeskResponder,
  DeskGuard,
  DeskExceptionFilter,
  DeskListsService,
  DeskDraftService,
  DeskDraftFormsService,
  DeskAmendmentsService,
  DeskMeetingService,
  UserSettingsService,
  DeskPacksService,
];
