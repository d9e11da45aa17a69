// Data for tests and the benchmark: the 7th CFM of CICA (the demo forum) and its papers (agenda,
// list of documents), in both languages, and the header every document carries.
// Factories take overrides so a test states only what it is about.

import type {
  AgendaDocumentData,
  DocumentHeaderData,
  ListOfDocumentsData,
  MeetingData,
} from '../document-data';
import type { DocumentLanguage } from '../document-kind';

export function sampleHeader(
  language: DocumentLanguage = 'en',
  overrides: Partial<DocumentHeaderData> = {},
): DocumentHeaderData {
  return {
    forum:
      language === 'ru'
        ? { acronym: 'СВМДА', name: 'Совещание по взаимодействию и мерам доверия в Азии' }
        : {
            acronym: 'CICA',
            name: 'Conference on Interaction and Confidence Building Measures in Asia',
          },
    symbol: 'CICA/CFM/7/DOC.1',
    distribution: language === 'ru' ? 'общее' : 'General',
    date: '2024-12-10',
    language,
    draft: true,
    originalLanguage: language === 'ru' ? 'английский' : 'English',
    version: {
      status: 'original',
      original: language === 'ru' ? 'английский' : 'English',
      outdated: 0,
    },
    ...overrides,
  };
}

export function sampleMeeting(
  language: DocumentLanguage = 'en',
  overrides: Partial<MeetingData> = {},
): MeetingData {
  return {
    bodyCode: 'CFM',
    bodyName:
      language === 'ru'
        ? 'Совет министров иностранных дел'
        : 'Council of Ministers of Foreign Affairs',
    sequence: 7,
    title:
      language === 'ru'
        ? 'Седьмое совещание Совета министров иностранных дел СВМДА'
        : 'Seventh Meeting of the CICA Council of Ministers of Foreign Affairs',
    startsOn: '2024-12-17',
    endsOn: '2024-12-17',
    venue: language === 'ru' ? 'Баку' : 'Baku',
    format: 'in-person',
    chair: 'Azerbaijan',
    coChairs: [],
    ...overrides,
  };
}

export function sampleAgenda(
  language: DocumentLanguage = 'en',
  overrides: Partial<AgendaDocumentData> = {},
): AgendaDocumentData {
  const en = [
    ['Opening of the meeting', 'The Chair will open the meeting.'],
    ['Adoption of the agenda', null],
    [
      'Transfer of the chairmanship from Kazakhstan to Azerbaijan',
      'The outgoing and incoming chairs will address the Council.',
    ],
    [
      'Statement on the 25th anniversary of the Declaration of Principles Guiding Relations among Member States',
      'The Council will consider the draft statement agreed by the Senior Officials Committee.',
    ],
    ['Closing of the meeting', null],
  ] as const;
  const ru = [
    ['Открытие совещания', 'Председатель открывает совещание.'],
    ['Утверждение повестки дня', null],
    [
      'Передача председательства от Казахстана Азербайджану',
      'С заявлениями выступят уходящий и новый председатели.',
    ],
    [
      'Заявление по случаю 25-летия Декларации о принципах, регулирующих отношения между государствами-членами',
      'Совет рассмотрит проект заявления, согласованный Комитетом старших должностных лиц.',
    ],
    ['Закрытие совещания', null],
  ] as const;
  const items = (language === 'ru' ? ru : en).map(([title, annotation], index) => ({
    number: index + 1,
    title,
    annotation,
    documents:
      index === 3
        ? [
            {
              symbol: 'CICA/CFM/7/DOC.1',
              title: language === 'ru' ? 'Проект заявления' : 'Draft statement',
            },
          ]
        : [],
  }));
  return {
    header: sampleHeader(language, { symbol: 'CICA/CFM/7/1' }),
    meeting: sampleMeeting(language),
    items,
    ...overrides,
  };
}

export function sampleListOfDocuments(language: DocumentLanguage = 'en'): ListOfDocumentsData {
  return {
    header: sampleHeader(language, { symbol: 'CICA/CFM/7/INF.1' }),
    meeting: sampleMeeting(language),
    documents: [
      {
        symbol: 'CICA/CFM/7/1',
        title: language === 'ru' ? 'Предварительная повестка дня' : 'Provisional agenda',
        type: 'report',
        status: 'ADOPTED',
        revision: 1,
        agendaItem: 2,
      },
      {
        symbol: 'CICA/CFM/7/DOC.1',
        title:
          language === 'ru'
            ? 'Проект заявления'
            : 'Draft statement on the 25th anniversary of the 1999 Declaration',
        type: 'statement',
        status: 'CONSENSUS',
        revision: 3,
        agendaItem: 4,
      },
      {
        symbol: 'CICA/CFM/7/DOC.2',
        title: language === 'ru' ? 'Календарь мероприятий на 2025 год' : 'Calendar of events 2025',
        type: 'calendar',
        status: 'UNDER_SOC_REVIEW',
        revision: 1,
        agendaItem: null,
      },
    ],
  };
}
