import { Foundation1764000000000 } from './1764000000000-foundation';
import { DraftLifecycle1764000001000 } from './1764000001000-draft-lifecycle';
import { Amendments1765000011000 } from './1765000011000-amendments';
import { LanguageVersions1765000013000 } from './1765000013000-language-versions';
import { JobQueue1765000014000 } from './1765000014000-job-queue';
import { MeetingPacks1765000014001 } from './1765000014001-meeting-packs';
import { NoticesAndDeskEvents1765000015000 } from './1765000015000-notices-and-desk-events';
import { Hardening1765000016000 } from './1765000016000-hardening';
import { DocumentCache1765000017000 } from './1765000017000-document-cache';
import { UserLanguageChoice1765000019000 } from './1765000019000-user-language-choice';
import { MailJobs1765000020000 } from './1765000020000-mail-jobs';

// Every migration, in order. Listed explicitly (not globbed) so the same list works from
// TypeScript sources in tests and from compiled JavaScript in production.
export const migrations: Function[] = [
  Foundation1764000000000,
  DraftLifecycle1764000001000,
  Amendments1765000011000,
  LanguageVersions1765000013000,
  JobQueue1765000014000,
  MeetingPacks1765000014001,
  NoticesAndDeskEvents1765000015000,
  Hardening1765000016000,
  DocumentCache1765000017000,
  UserLanguageChoice1765000019000,
  MailJobs1765000020000,
];
