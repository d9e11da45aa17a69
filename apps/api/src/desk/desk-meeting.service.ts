import { Inject, Injectable } from '@nestjs/common';
import { WorkingLanguages } from '../languages/working-languages';
import { hasRole } from '@chancery/domain';
import type { Principal } from '../auth/principal';
import { DraftQueriesService } from '../drafts/draft-queries.service';
import { MeetingsService } from '../meetings/meetings.service';
import { meetingLabel } from './dashboard-view';
import { formatDate, statusName } from './desk-labels';
import { type Translator, languageName } from './i18n/desk-i18n';

export const MEETING_DOCUMENTS = [
  { name: 'provisional-agenda', label: 'Provisional agenda' },
  { name: 'annotated-agenda', label: 'Annotated agenda' },
  { name: 'list-of-documents', label: 'List of documents' },
] as const;

const FORMATS = ['in-person', 'videoconference', 'hybrid'] as const;

const formatName = (format: string, t: Translator): string =>
  (FORMATS as readonly string[]).includes(format)
    ? t.t(`meeting.format.${format as (typeof FORMATS)[number]}`)
    : format;

const STATUSES = ['planned', 'convened', 'closed', 'cancelled'] as const;

const statusOf = (status: string, t: Translator): string =>
  (STATUSES as readonly string[]).includes(status)
    ? t.t(`meeting.status.${status as (typeof STATUSES)[number]}`)
    : status;

const localTitle = (meeting: { title: string; titleRu?: string | null }, t: Translator) =>
  t.language === 'ru' && meeting.titleRu
    ? { title: meeting.titleRu, titleLang: 'ru' }
    : { title: meeting.title, titleLang: 'en' };

const dates = (startsOn: string, endsOn: string, t: Translator): string =>
  startsOn === endsOn
    ? formatDate(startsOn, t)
    : t.t('meeting.dates', { from: formatDate(startsOn, t), to: formatDate(endsOn, t) });

/** Meetings for the desk: the list, and one meeting with its agenda, drafts and documents. */
@Injectable()
export class DeskMeetingService {
  constructor(
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
    @Inject(DraftQueriesService) private readonly drafts: DraftQueriesService,
    @Inject(WorkingLanguages) private readonly languages: WorkingLanguages,
  ) {}

  async list(t: Translator) {
    const meetings = await this.meetings.list({});
    return {
      rows: meetings.map((m) => ({
        href: `/desk/meetings/${m.id}`,
        label: meetingLabel(m, t),
        // The meeting's Russian title on a Russian page, where it has one.
        ...localTitle(m, t),
        dates: dates(m.startsOn, m.endsOn, t),
        venue: m.venue ?? '—',
        format: formatName(m.format, t),
        status: statusOf(m.status, t),
      })),
    };
  }

  async page(principal: Principal, id: string, t: Translator) {
    const [meeting, drafts] = await Promise.all([this.meetings.get(id), this.drafts.list({})]);
    const draftsById = new Map(drafts.map((d) => [d.id, d]));
    const order = meeting.agenda.map((item) => item.id);
    /** The whole agenda in a new order, as the reorder form sends it. */
    const moved = (from: number, to: number) => {
      const next = [...order];
      const [item] = next.splice(from, 1);
      next.splice(to, 0, item);
      return next;
    };
    const editable = hasRole(principal, 'secretariat');
    return {
      meeting: {
        id: meeting.id,
        label: meetingLabel(meeting, t),
        title: meeting.title,
        titleRu: meeting.titleRu,
        body: `${meeting.bodyName} (${meeting.bodyCode})`,
        dates: dates(meeting.startsOn, meeting.endsOn, t),
        venue: meeting.venue,
        format: formatName(meeting.format, t),
        chair: meeting.chair,
        coChairs: meeting.coChairs.join('; '),
        status: statusOf(meeting.status, t),
        note: meeting.note,
        etag: meeting.etag,
      },
      editable,
      agenda: meeting.agenda.map((item, index) => ({
        id: item.id,
        number: item.number,
        title: item.title,
        annotation: item.annotation,
        drafts: item.draftIds.map((draftId) => {
          const draft = draftsById.get(draftId);
          return {
            href: `/desk/drafts/${draftId}`,
            label: draft ? `${draft.symbol} — ${draft.title}` : draftId,
          };
        }),
        up: index > 0 ? moved(index, index - 1) : null,
        down: index < order.length - 1 ? moved(index, index + 1) : null,
      })),
      drafts: drafts
        .filter((d) => d.meetingId === id)
        .map((d) => ({
          href: `/desk/drafts/${d.id}`,
          symbol: d.symbol,
          title: d.title,
          statusName: statusName(d.status, t),
          status: d.status,
        })),
      documents: MEETING_DOCUMENTS.map((doc) => ({
        label: t.t(`meeting.document.${doc.name}`),
        links: this.languages.codes.map((lang) => ({
          lang,
          label: languageName(lang, t),
          href: `/desk/meetings/${id}/documents/${doc.name}.docx?lang=${lang}`,
        })),
      })),
    };
  }
}
