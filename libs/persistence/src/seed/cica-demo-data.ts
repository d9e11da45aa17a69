/**
 * Demo data for Chancery: CICA (Conference on Interaction and Confidence Building Measures in
 * Asia) as a pure, typed data module. No I/O, no framework: the seeding code reads it and goes
 * through the domain like any other client.
 *
 * Two kinds of content live here, and they must never be confused:
 * - Reference facts (forum, participants, bodies, chairmanships, the dates and names of the
 *   meetings listed in DESIGN.md) are copied from the team's compiled reference file
 *   (shared/reference/cica.json, compiled 2026-11-23, with its public sources listed in
 *   `demoReferenceSources`). Entries the reference marks as weakly sourced keep
 *   `uncertain: true` and the reference's note. The product must run without that file, hence
 *   the copy.
 * - Agendas, draft texts, revisions, penholders, positions and most timestamps are illustrative
 *   reconstructions written for the demo. Every meeting and draft says so in its `note`. They
 *   are not the actual documents of CICA, nor the actual positions of any state.
 */

export type DemoParticipantKind =
  'member-state' | 'observer-state' | 'observer-organisation' | 'partner-organisation';

/** How much of a date is known: 'year' dates read 'YYYY-01-01', 'month' dates 'YYYY-MM-01'. */
export type DemoDatePrecision = 'day' | 'month' | 'year';

export interface DemoParticipant {
  /**
   * ISO 3166 alpha-3 for states, the English acronym for organisations (capitals, digits and
   * hyphens only, so 'SCO-RATS' for SCO RATS).
   */
  code: string;
  kind: DemoParticipantKind;
  name: string;
  nameRu: string;
  /** ISO date; 'YYYY-01-01' when only the year is known (see `joinedPrecision`). */
  joined: string | null;
  joinedPrecision?: DemoDatePrecision;
  /** Russian acronym, for organisations. */
  acronymRu?: string;
  uncertain?: boolean;
  note?: string;
}

export interface DemoBody {
  code: string /* 'SUMMIT' | 'CFM' | 'SOC' | 'SWG' */;
  name: string;
  nameRu: string;
  /** 1 = highest. */
  level: number;
  /** Document types this body adopts (a modelling choice of the demo, not a reference fact). */
  adopts: DemoDocumentType[];
  meetsEveryYears: number | null;
  uncertain?: boolean;
  note?: string;
}

export interface DemoChairmanship {
  stateCode: string;
  /** ISO date. */
  from: string;
  fromPrecision?: DemoDatePrecision;
  to: string | null;
  toPrecision?: DemoDatePrecision;
  /** The term as commonly cited, e.g. '2020–2024'. */
  term?: string;
  uncertain?: boolean;
  note?: string;
}

export interface DemoAgendaItem {
  title: string;
  titleRu: string;
  annotation: string;
  annotationRu: string;
  /** Keys of DemoDraft considered under this item. */
  draftKeys?: string[];
}

export interface DemoMeeting {
  key: string;
  bodyCode: string;
  sequence: number;
  title: string;
  titleRu: string;
  startsOn: string;
  endsOn: string;
  venue: string;
  venueRu: string;
  format: 'in-person' | 'videoconference' | 'hybrid';
  chair: string | null;
  coChairs: string[];
  status: 'planned' | 'convened' | 'closed';
  note: string;
  /** At least 5 items. */
  agenda: DemoAgendaItem[];
}

export interface DemoParagraph {
  /** Stable within the draft, e.g. 'pp1', 'op3'. */
  key: string;
  text: string;
}

export interface DemoRevision {
  title: string;
  preamble: DemoParagraph[];
  operative: DemoParagraph[];
  note?: string;
  /** One of the demo accounts. */
  authorEmail: string;
  /** ISO datetime. */
  createdAt: string;
}

export interface DemoPosition {
  stateCode: string;
  stance: 'concur' | 'reservation' | 'objection';
  text?: string;
  paragraphKeys?: string[];
  recordedAt: string;
}

export type DemoDocumentType =
  | 'statement'
  | 'declaration'
  | 'concept-paper'
  | 'action-plan'
  | 'calendar'
  | 'budget'
  | 'decision'
  | 'report';

export type DemoDraftStatus =
  'PROPOSED' | 'UNDER_SOC_REVIEW' | 'CONSENSUS' | 'ADOPTED' | 'WITHDRAWN';

export interface DemoDraftOutcome {
  status: DemoDraftStatus;
  /** When the draft was submitted for review (after its first revision); absent while PROPOSED. */
  submittedAt?: string;
  consensus?: { method: 'explicit' | 'silence'; declaredAt: string; declaredByEmail: string };
  adoption?: { meetingKey: string; adoptedAt: string; adoptedByEmail: string };
  silence?: { deadline: string; startedAt: string; startedByEmail: string };
}

export interface DemoDraft {
  key: string;
  type: DemoDocumentType;
  title: string;
  adoptingBodyCode: string;
  meetingKey: string | null;
  /** State code. */
  penholder: string;
  language: string;
  note: string;
  /** In order; paragraphs with the same key keep identity across revisions. */
  revisions: DemoRevision[];
  /** On the LAST revision. */
  positions: DemoPosition[];
  /**
   * Versions in other working languages, entered for the revision named and carried to the
   * later ones as the service does (changed paragraphs outdated). Keys are paragraph keys.
   */
  translations?: DemoTranslation[];
  outcome: DemoDraftOutcome;
}

export interface DemoTranslation {
  language: string;
  revision: number;
  title: string;
  paragraphs: Record<string, string>;
  enteredAt: string;
}

export interface DemoAccount {
  email: string;
  displayName: string;
  roles: ('admin' | 'secretariat' | 'chair' | 'delegate' | 'observer')[];
  /** Body codes. */
  chairOf?: string[];
  stateCode?: string;
}

export interface DemoForum {
  acronym: string;
  acronymRu: string;
  name: string;
  nameRu: string;
  secretariatSeat: string;
  secretariatSeatRu?: string;
  workingLanguages?: { codes: string[]; uncertain?: boolean; note?: string };
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Reference facts (from shared/reference/cica.json)
// ---------------------------------------------------------------------------------------------

export const demoForum: DemoForum = {
  acronym: 'CICA',
  acronymRu: 'СВМДА',
  name: 'Conference on Interaction and Confidence Building Measures in Asia',
  nameRu: 'Совещание по взаимодействию и мерам доверия в Азии',
  secretariatSeat: 'Astana, Kazakhstan',
  secretariatSeatRu: 'Астана, Казахстан',
  workingLanguages: {
    codes: ['en', 'ru'],
    uncertain: true,
    note: 'Not confirmed from the text of the Rules of Procedure; supported by an encyclopedia infobox and by the official site being published in English and Russian.',
  },
  note: 'Proposed by the President of Kazakhstan at the 47th UN General Assembly (5 October 1992). First ministerial meeting: Almaty, 14 September 1999 (Declaration on the Principles Guiding Relations between CICA Member States). First Summit: Almaty, 4 June 2002 (Almaty Act). The Sixth Summit (Astana, 12–13 October 2022) launched the transformation of CICA into a full-fledged regional international organisation and created the post of Secretary General. Secretariat established 2006.',
};

export interface DemoLanguage {
  code: string;
  name: string;
  nativeName: string;
  locale: string;
  forumName: string;
  forumAcronym: string;
}

/** The forum's working languages, in order, with the forum's name in each (templates/<code>/). */
export const demoLanguages: DemoLanguage[] = [
  {
    code: 'en',
    name: 'English',
    nativeName: 'English',
    locale: 'en-GB',
    forumName: demoForum.name,
    forumAcronym: demoForum.acronym,
  },
  {
    code: 'ru',
    name: 'Russian',
    nativeName: 'русский',
    locale: 'ru-RU',
    forumName: demoForum.nameRu,
    forumAcronym: demoForum.acronymRu,
  },
];

/** The reference file's general caveats, kept with the data they qualify. */
export const demoReferenceNotes = {
  members:
    'Sources agree that 15 states signed the 1999 Declaration and 16 attended the 2002 Summit; no source found lists the 15 signatories by name. The 1999 entries are the 16 states of 2002 minus Mongolia. Dates of admission are given to the day, month or year as far as the sources go (see joinedPrecision).',
  observerStates:
    'Nine observer states in 2019–2023 (list confirmed by several sources) plus Saudi Arabia as the 10th (December 2023). Changes after 2024 were not checked.',
  partnerOrganisations:
    "Only the Eurasian Economic Commission is explicitly called a partner organisation (the 6th) in the sources found. The other five are the organisations linked on CICA's External Relations page; that they are the first five partners follows from the count, hence uncertain. A December 2024 report speaks of 8 partner organisations, so partners added after 2022 may be missing.",
} as const;

/** Public sources of the reference facts (as listed in the compiled reference file). */
export const demoReferenceSources: readonly string[] = [
  'https://www.s-cica.org/index.php?view=page&t=first-summit',
  'https://s-cica.org/index.php?view=page&t=second-ministerial',
  'https://www.s-cica.org/page/external-relations/',
  'https://www.s-cica.org/index.php?view=page&t=structure',
  'https://www.s-cica.org/page/Turkey12/',
  'http://mfa.kz/en/content-view/svmda',
  'http://en.kremlin.ru/supplement/3712/print',
  'https://english.news.cn/20221012/5b362cce06d345519b5f960a41ae9f30/c.html',
  'https://www.inform.kz/en/kuwait-joins-cica-as-28th-member-state_a3990035/amp',
  'https://www.mfa.gov.tr/relations-between-turkiye-and-the-conference-on-interaction-and-confidence-building-measures-in-asia.en.mfa',
  'https://en.trend.az/azerbaijan/politics/3983314.html',
  'https://en.vestikavkaza.ru/material/167175',
  'https://astanatimes.com/2023/12/saudi-arabia-becomes-observer-state-in-cica/',
  'https://turkmenportal.com/blog/37604/turkmenistan-obrel-status-nablyudatelya-v-svmda',
  'https://www.lokmattimes.com/international/mou-eurasian-economic-union-becomes-sixth-partner-organization-of-cica/',
  'https://kazpravda.kz/n/memorandum-assamblei-s-svmda/',
  'https://www.s-cica.org/ru/index.php?view=press_releases&id=2017',
  '/usr/share/iso-codes/json/iso_3166-1.json (ISO codes and Russian names)',
];

function member(
  code: string,
  name: string,
  nameRu: string,
  joined: string,
  joinedPrecision: DemoDatePrecision,
  extra: Pick<DemoParticipant, 'uncertain' | 'note'> = {},
): DemoParticipant {
  return { code, kind: 'member-state', name, nameRu, joined, joinedPrecision, ...extra };
}

const FOUNDING =
  'Among the 1999 participants (see the founding-members caveat: the 15 signatories are not listed by name in the sources).';

const memberStates: DemoParticipant[] = [
  member('AFG', 'Afghanistan', 'Афганистан', '1999-01-01', 'year', { note: FOUNDING }),
  member('AZE', 'Azerbaijan', 'Азербайджан', '1999-01-01', 'year', { note: FOUNDING }),
  member('BHR', 'Bahrain', 'Бахрейн', '2011-01-01', 'year'),
  member('BGD', 'Bangladesh', 'Бангладеш', '2014-05-01', 'month', {
    note: 'Admitted at the 4th Summit, Shanghai, May 2014 (observer since 2010).',
  }),
  member('KHM', 'Cambodia', 'Камбоджа', '2011-01-01', 'year'),
  member('CHN', 'China', 'Китай', '1999-01-01', 'year', { note: FOUNDING }),
  member('EGY', 'Egypt', 'Египет', '1999-01-01', 'year', { note: FOUNDING }),
  member('IND', 'India', 'Индия', '1999-01-01', 'year', { note: FOUNDING }),
  member('IRN', 'Iran', 'Иран', '1999-01-01', 'year', { note: FOUNDING }),
  member('IRQ', 'Iraq', 'Ирак', '2010-06-01', 'month', {
    note: 'Admitted at the 3rd Summit, Istanbul, June 2010.',
  }),
  member('ISR', 'Israel', 'Израиль', '1999-01-01', 'year', {
    note: 'Confirmed as a 1999 participant by its own or CICA sources.',
  }),
  member('JOR', 'Jordan', 'Иордания', '2008-08-25', 'day', {
    note: 'Admitted at the 3rd Ministerial Meeting, Almaty, 25 August 2008.',
  }),
  member('KAZ', 'Kazakhstan', 'Казахстан', '1999-01-01', 'year', { note: FOUNDING }),
  member('KWT', 'Kuwait', 'Кувейт', '2022-10-13', 'day', {
    note: '28th member; signed the 1999 Declaration and the Almaty Act on 11 October 2022; admitted at the 6th Summit, Astana, 13 October 2022.',
  }),
  member('KGZ', 'Kyrgyzstan', 'Киргизия', '1999-01-01', 'year', {
    note: `${FOUNDING} Russian also 'Кыргызстан'.`,
  }),
  member('MNG', 'Mongolia', 'Монголия', '2001-01-01', 'year', {
    uncertain: true,
    note: "Not among the 15 states of 1999 by elimination (15 in 1999, 16 at the 2002 Summit including Mongolia). The year 2001 rests on one statement by the CICA Executive Director (May 2022: 'a member of CICA ... since 2001'); some lists may give 2002.",
  }),
  member('PAK', 'Pakistan', 'Пакистан', '1999-01-01', 'year', { note: FOUNDING }),
  member('PSE', 'Palestine', 'Палестина', '1999-01-01', 'year', { note: FOUNDING }),
  member('QAT', 'Qatar', 'Катар', '2014-05-01', 'month', {
    note: 'Admitted at the 4th Summit, Shanghai, May 2014 (observer since 2008).',
  }),
  member('KOR', 'Republic of Korea', 'Республика Корея', '2006-06-01', 'month', {
    note: 'Admitted at the 2nd Summit, Almaty, June 2006.',
  }),
  member('RUS', 'Russia', 'Россия', '1999-01-01', 'year', { note: FOUNDING }),
  member('LKA', 'Sri Lanka', 'Шри-Ланка', '2018-08-15', 'day', {
    note: 'Member from 15 August 2018 (observer since 2012).',
  }),
  member('TJK', 'Tajikistan', 'Таджикистан', '1999-01-01', 'year', {
    note: 'Confirmed as a 1999 participant by its own or CICA sources.',
  }),
  member('THA', 'Thailand', 'Таиланд', '2004-10-22', 'day', {
    note: "CICA's own history page: admitted as 17th member at the 2nd Ministerial Meeting, 22 October 2004. One backgrounder says the 2006 Summit admitted Thailand; a June 2006 pre-summit report already lists it as a member, so 2004 is used.",
  }),
  member('TUR', 'Türkiye', 'Турция', '1999-01-01', 'year', {
    note: "Confirmed as a 1999 participant by its own or CICA sources. 'Türkiye' as in CICA's own press releases since 2022 (earlier documents say 'Turkey').",
  }),
  member('ARE', 'United Arab Emirates', 'Объединённые Арабские Эмираты', '2008-08-25', 'day', {
    note: 'Admitted at the 3rd Ministerial Meeting, Almaty, 25 August 2008.',
  }),
  member('UZB', 'Uzbekistan', 'Узбекистан', '1999-01-01', 'year', { note: FOUNDING }),
  member('VNM', 'Vietnam', 'Вьетнам', '2010-06-01', 'month', {
    note: 'Admitted at the 3rd Summit, Istanbul, June 2010.',
  }),
];

const OBSERVER_SINCE_UNKNOWN =
  'Observer state (list confirmed for 2019–2023); date of admission as observer not recorded here.';

function observerState(
  code: string,
  name: string,
  nameRu: string,
  joined: string | null = null,
  note = OBSERVER_SINCE_UNKNOWN,
): DemoParticipant {
  return {
    code,
    kind: 'observer-state',
    name,
    nameRu,
    joined,
    ...(joined ? { joinedPrecision: 'day' as const } : {}),
    note,
  };
}

const observerStates: DemoParticipant[] = [
  observerState('BLR', 'Belarus', 'Беларусь'),
  observerState('IDN', 'Indonesia', 'Индонезия'),
  observerState('JPN', 'Japan', 'Япония'),
  observerState('LAO', 'Laos', 'Лаос'),
  observerState('MYS', 'Malaysia', 'Малайзия'),
  observerState('PHL', 'Philippines', 'Филиппины'),
  observerState(
    'SAU',
    'Saudi Arabia',
    'Саудовская Аравия',
    '2023-12-26',
    '10th observer state, 26 December 2023.',
  ),
  observerState(
    'TKM',
    'Turkmenistan',
    'Туркменистан',
    '2021-06-23',
    'Observer status approved by the Senior Officials Committee, 23 June 2021.',
  ),
  observerState('UKR', 'Ukraine', 'Украина'),
  observerState('USA', 'United States', 'США'),
];

const observerOrganisations: DemoParticipant[] = [
  {
    code: 'UN',
    kind: 'observer-organisation',
    name: 'United Nations',
    nameRu: 'Организация Объединённых Наций',
    acronymRu: 'ООН',
    joined: null,
  },
  {
    code: 'OSCE',
    kind: 'observer-organisation',
    name: 'Organization for Security and Co-operation in Europe',
    nameRu: 'Организация по безопасности и сотрудничеству в Европе',
    acronymRu: 'ОБСЕ',
    joined: null,
  },
  {
    code: 'LAS',
    kind: 'observer-organisation',
    name: 'League of Arab States',
    nameRu: 'Лига арабских государств',
    acronymRu: 'ЛАГ',
    joined: null,
  },
  {
    code: 'TURKPA',
    kind: 'observer-organisation',
    name: 'Parliamentary Assembly of Turkic Speaking Countries',
    nameRu: 'Парламентская ассамблея тюркоязычных стран',
    acronymRu: 'ТюркПА',
    joined: null,
    note: 'Name as given in CICA-related sources; the assembly may since have renamed itself (not checked).',
  },
  {
    code: 'IOM',
    kind: 'observer-organisation',
    name: 'International Organization for Migration',
    nameRu: 'Международная организация по миграции',
    acronymRu: 'МОМ',
    joined: null,
  },
];

const PARTNER_BY_COUNT =
  "One of the five organisations linked on CICA's External Relations page; counted among the first five partner organisations by inference, not by an explicit list.";

const partnerOrganisations: DemoParticipant[] = [
  {
    code: 'EEC',
    kind: 'partner-organisation',
    name: 'Eurasian Economic Commission',
    nameRu: 'Евразийская экономическая комиссия',
    acronymRu: 'ЕЭК',
    joined: '2022-10-13',
    joinedPrecision: 'day',
    note: '6th partner organisation: MoU with the CICA Secretariat signed 13 October 2022 at the 6th Summit (executive body of the Eurasian Economic Union).',
  },
  {
    code: 'SCO',
    kind: 'partner-organisation',
    name: 'Shanghai Cooperation Organisation',
    nameRu: 'Шанхайская организация сотрудничества',
    acronymRu: 'ШОС',
    joined: '2014-05-01',
    joinedPrecision: 'month',
    uncertain: true,
    note: `MoU signed in May 2014 (Shanghai). ${PARTNER_BY_COUNT}`,
  },
  {
    code: 'SCO-RATS',
    kind: 'partner-organisation',
    name: 'Regional Anti-Terrorist Structure of the Shanghai Cooperation Organisation',
    nameRu: 'Региональная антитеррористическая структура ШОС',
    acronymRu: 'РАТС ШОС',
    joined: null,
    uncertain: true,
    note: `Protocol on Cooperation with CICA. ${PARTNER_BY_COUNT}`,
  },
  {
    code: 'ECO',
    kind: 'partner-organisation',
    name: 'Economic Cooperation Organization',
    nameRu: 'Организация экономического сотрудничества',
    acronymRu: 'ОЭС',
    joined: null,
    uncertain: true,
    note: PARTNER_BY_COUNT,
  },
  {
    code: 'UNODC',
    kind: 'partner-organisation',
    name: 'United Nations Office on Drugs and Crime',
    nameRu: 'Управление ООН по наркотикам и преступности',
    acronymRu: 'УНП ООН',
    joined: null,
    uncertain: true,
    note: PARTNER_BY_COUNT,
  },
  {
    code: 'APK',
    kind: 'partner-organisation',
    name: 'Assembly of People of Kazakhstan',
    nameRu: 'Ассамблея народа Казахстана',
    acronymRu: 'АНК',
    joined: '2014-05-01',
    joinedPrecision: 'month',
    uncertain: true,
    note: `MoU signed May 2014. ${PARTNER_BY_COUNT}`,
  },
];

/** All 28 member states, the 10 observer states, 5 observer and 6 partner organisations. */
export const demoParticipants: DemoParticipant[] = [
  ...memberStates,
  ...observerStates,
  ...observerOrganisations,
  ...partnerOrganisations,
];

export const demoBodies: DemoBody[] = [
  {
    code: 'SUMMIT',
    name: 'Summit (Meeting of Heads of State and/or Government)',
    nameRu: 'Саммит (Совещание глав государств и правительств)',
    level: 1,
    adopts: ['declaration', 'statement'],
    meetsEveryYears: 4,
    note: 'Highest body; since the 2022 transformation also called the Council of Heads of State and Government. Held in 2002 Almaty, 2006 Almaty, 2010 Istanbul, 2014 Shanghai, 2019 Dushanbe, 2022 Astana; the next is planned in Azerbaijan in 2026.',
  },
  {
    code: 'CFM',
    name: 'Council of Ministers of Foreign Affairs',
    nameRu: 'Совет министров иностранных дел',
    level: 2,
    adopts: ['statement', 'declaration', 'decision'],
    meetsEveryYears: 4,
    uncertain: true,
    note: "Formerly the Meeting of Ministers of Foreign Affairs; also called the Ministerial Council. Sources disagree on the cycle: the Kazakh MFA and the Rules of Procedure (as quoted by the Turkish FM in 2012) say every 4 years, two years after each Summit, so that a Summit or a ministerial meeting takes place every 2 years; a Kremlin backgrounder says every 2 years. Actual meetings: 1999, 2004, 2008, 2012, 2016, 2021, 2024 (7th, online). The design brief's 'every 2 years' is the interval between top-level meetings.",
  },
  {
    code: 'SOC',
    name: 'Senior Officials Committee',
    nameRu: 'Комитет старших должностных лиц',
    level: 3,
    adopts: ['concept-paper', 'action-plan', 'calendar', 'budget', 'decision', 'report'],
    meetsEveryYears: 1,
    note: 'Meets at least once a year (Russian abbreviation КСДЛ). Follows up decisions and oversees the Special Working Groups.',
  },
  {
    code: 'SWG',
    name: 'Special Working Group',
    nameRu: 'Специальная рабочая группа',
    level: 4,
    adopts: ['report'],
    meetsEveryYears: null,
    note: 'Meets as needed (several times a year); studies specific issues and reports to the Senior Officials Committee (Russian abbreviation СРГ). Specialised and experts’ meetings are further working bodies.',
  },
];

export const demoChairmanships: DemoChairmanship[] = [
  {
    stateCode: 'KAZ',
    from: '2002-01-01',
    fromPrecision: 'year',
    to: '2010-06-01',
    toPrecision: 'month',
    term: '2002–2010',
    uncertain: true,
    note: 'Founding chair. One source gives 2002–2010; Kazakhstan led the process from 1992/1999. Handed over at the 3rd Summit, June 2010.',
  },
  {
    stateCode: 'TUR',
    from: '2010-06-01',
    fromPrecision: 'month',
    to: '2014-05-01',
    toPrecision: 'month',
    term: '2010–2014',
    note: 'Took over at the Istanbul Summit, June 2010, for two years; extended for 2012–2014.',
  },
  {
    stateCode: 'CHN',
    from: '2014-05-01',
    fromPrecision: 'month',
    to: '2018-09-01',
    toPrecision: 'month',
    term: '2014–2018',
    note: "From the Shanghai Summit, May 2014; handed over in September 2018 at a CICA foreign ministers' meeting during UNGA-73.",
  },
  {
    stateCode: 'TJK',
    from: '2018-09-01',
    fromPrecision: 'month',
    to: '2020-09-24',
    toPrecision: 'day',
    term: '2018–2020',
    note: 'September 2018 to 24 September 2020; hosted the 5th Summit, Dushanbe, 15 June 2019.',
  },
  {
    stateCode: 'KAZ',
    from: '2020-09-24',
    fromPrecision: 'day',
    to: '2024-12-17',
    toPrecision: 'day',
    term: '2020–2024',
    note: 'Elected for 2020–2022 (September 2020) and extended for 2022–2024; hosted the 6th Summit, Astana, October 2022. Handed over on 17 December 2024.',
  },
  {
    stateCode: 'AZE',
    from: '2024-12-17',
    fromPrecision: 'day',
    // The term is 2024–2026; only the year of its end is known.
    to: '2026-12-31',
    toPrecision: 'year',
    term: '2024–2026',
    note: 'Approved by the Council of Ministers of Foreign Affairs in March 2024; took over at the 7th Ministerial Council (online), 17 December 2024; to host the 2026 Summit. End date of the term not fixed in the sources.',
  },
];

// ---------------------------------------------------------------------------------------------
// Demo accounts
// ---------------------------------------------------------------------------------------------

export const DEMO_ADMIN = 'admin@demo.local';
export const DEMO_SECRETARIAT = 'secretariat@demo.local';
export const DEMO_SOC_CHAIR = 'soc-chair@demo.local';
export const DEMO_CFM_CHAIR = 'cfm-chair@demo.local';
export const DEMO_OBSERVER = 'observer@demo.local';

export function delegateEmail(stateCode: string): string {
  return `delegate.${stateCode.toLowerCase()}@demo.local`;
}

/** Fresh objects on every call, so a caller may mutate what it gets. Passwords are the seeder's. */
export function demoAccounts(): DemoAccount[] {
  return [
    { email: DEMO_ADMIN, displayName: 'Demo Administrator', roles: ['admin'] },
    { email: DEMO_SECRETARIAT, displayName: 'CICA Secretariat (demo)', roles: ['secretariat'] },
    {
      email: DEMO_SOC_CHAIR,
      displayName: 'Chair of the Senior Officials Committee (demo)',
      roles: ['chair'],
      chairOf: ['SOC'],
    },
    {
      email: DEMO_CFM_CHAIR,
      displayName: 'Chair of the Council of Ministers of Foreign Affairs (demo)',
      roles: ['chair'],
      chairOf: ['CFM'],
    },
    ...memberStates.map((state): DemoAccount => ({
      email: delegateEmail(state.code),
      displayName: `Delegate of ${state.name} (demo)`,
      roles: ['delegate'],
      stateCode: state.code,
    })),
    { email: DEMO_OBSERVER, displayName: 'Observer (demo, read-only)', roles: ['observer'] },
  ];
}

// ---------------------------------------------------------------------------------------------
// Meetings (dates of the 7th CFM from the reference; everything else illustrative, see notes)
// ---------------------------------------------------------------------------------------------

const KAZ_CHAIRMANSHIP = 'Kazakhstan (CICA Chairmanship 2020–2024)';
const AZE_CHAIRMANSHIP = 'Azerbaijan (CICA Chairmanship 2024–2026)';

const ILLUSTRATIVE_AGENDA =
  'Illustrative agenda reconstructed from public reporting; item wording and annotations are the demo’s, not the meeting’s official documents.';

function opening(by: string, byRu: string): DemoAgendaItem {
  return {
    title: 'Opening of the meeting',
    titleRu: 'Открытие заседания',
    annotation: `The meeting will be opened by ${by}.`,
    annotationRu: `Заседание откроет ${byRu}.`,
  };
}

const ADOPTION_OF_AGENDA: DemoAgendaItem = {
  title: 'Adoption of the agenda',
  titleRu: 'Утверждение повестки дня',
  annotation:
    'The provisional agenda, circulated by the Secretariat, will be submitted for adoption.',
  annotationRu:
    'На утверждение будет представлена предварительная повестка дня, распространённая Секретариатом.',
};

const ANY_OTHER_BUSINESS: DemoAgendaItem = {
  title: 'Any other business',
  titleRu: 'Разное',
  annotation: 'Delegations may raise other matters, preferably notified to the Chair in advance.',
  annotationRu:
    'Делегации могут поднять другие вопросы, по возможности заблаговременно уведомив Председателя.',
};

const CLOSING: DemoAgendaItem = {
  title: 'Closing of the meeting',
  titleRu: 'Закрытие заседания',
  annotation: 'The Chair will summarise the outcome and close the meeting.',
  annotationRu: 'Председатель подведёт итоги и закроет заседание.',
};

export const demoMeetings: DemoMeeting[] = [
  {
    key: 'swg-2022-12',
    bodyCode: 'SWG',
    sequence: 45,
    title: 'Meeting of the Special Working Group (December 2022)',
    titleRu: 'Заседание Специальной рабочей группы (декабрь 2022 года)',
    startsOn: '2022-12-06',
    endsOn: '2022-12-06',
    venue: 'Videoconference',
    venueRu: 'В формате видеоконференции',
    format: 'videoconference',
    chair: KAZ_CHAIRMANSHIP,
    coChairs: [],
    status: 'closed',
    note: `Public reporting says that the SOC and the SWG met by videoconference in December 2022 and approved the concept papers on Tourism and Agriculture, the Action Plan on confidence building measures, the 2023 calendar of events and the Secretariat's 2023 budget and staff matrix. The demo models them as two meetings, the SWG preparing the texts and the SOC approving them, so that both bodies' agendas can be shown. Exact date and sequence number are illustrative. ${ILLUSTRATIVE_AGENDA}`,
    agenda: [
      opening('the representative of the Chairmanship', 'представитель Председательства'),
      ADOPTION_OF_AGENDA,
      {
        title: 'Draft concept papers on cooperation in the fields of tourism and agriculture',
        titleRu: 'Проекты концепций сотрудничества в области туризма и сельского хозяйства',
        annotation:
          'The Group will finalise the texts of the two draft concept papers for submission to the Senior Officials Committee.',
        annotationRu:
          'Группа завершит работу над текстами двух проектов концепций для представления Комитету старших должностных лиц.',
        draftKeys: ['soc-2022-concept-tourism', 'soc-2022-concept-agriculture'],
      },
      {
        title: 'Draft Action Plan on confidence building measures',
        titleRu: 'Проект Плана действий по мерам доверия',
        annotation:
          'The Group will review the draft Action Plan prepared on the basis of proposals from the coordinating Member States.',
        annotationRu:
          'Группа рассмотрит проект Плана действий, подготовленный на основе предложений государств-координаторов.',
        draftKeys: ['soc-2022-action-plan-cbm'],
      },
      {
        title: 'Draft budget of the Secretariat for 2023 and staff matrix',
        titleRu: 'Проект бюджета Секретариата на 2023 год и штатное расписание',
        annotation:
          'The Secretariat will introduce the draft budget and staff matrix; the Group will prepare a recommendation to the Senior Officials Committee.',
        annotationRu:
          'Секретариат представит проект бюджета и штатного расписания; Группа подготовит рекомендацию Комитету старших должностных лиц.',
        draftKeys: ['soc-2022-budget-2023'],
      },
      {
        title: 'Draft calendar of events for 2023',
        titleRu: 'Проект календаря мероприятий на 2023 год',
        annotation:
          'The Group will take note of the draft calendar, which the Chair intends to submit for approval under a silence procedure.',
        annotationRu:
          'Группа примет к сведению проект календаря, который Председатель намерен представить на утверждение по процедуре умолчания.',
        draftKeys: ['soc-2022-calendar-2023'],
      },
      ANY_OTHER_BUSINESS,
      CLOSING,
    ],
  },
  {
    key: 'soc-2022-12',
    bodyCode: 'SOC',
    sequence: 28,
    title: 'Meeting of the Senior Officials Committee (December 2022)',
    titleRu: 'Заседание Комитета старших должностных лиц (декабрь 2022 года)',
    startsOn: '2022-12-15',
    endsOn: '2022-12-15',
    venue: 'Videoconference',
    venueRu: 'В формате видеоконференции',
    format: 'videoconference',
    chair: KAZ_CHAIRMANSHIP,
    coChairs: [],
    status: 'closed',
    note: `Reported outcome (public reporting): approval of the concept papers on Tourism and Agriculture, the Action Plan on confidence building measures, the 2023 calendar of events, and the Secretariat's 2023 budget and staff matrix, by videoconference in December 2022. The exact date and the sequence number are illustrative; the preparatory SWG meeting is modelled separately (swg-2022-12). ${ILLUSTRATIVE_AGENDA}`,
    agenda: [
      opening('the Chair of the Committee', 'Председатель Комитета'),
      ADOPTION_OF_AGENDA,
      {
        title: 'Report of the Special Working Group',
        titleRu: 'Доклад Специальной рабочей группы',
        annotation:
          'The Chair of the Special Working Group will report orally on the Group’s review of the draft documents before the Committee.',
        annotationRu:
          'Председатель Специальной рабочей группы устно доложит о рассмотрении Группой проектов документов, представленных Комитету.',
      },
      {
        title:
          'Approval of the concept papers on cooperation in the fields of tourism and agriculture',
        titleRu: 'Утверждение концепций сотрудничества в области туризма и сельского хозяйства',
        annotation:
          'The Committee will be invited to approve the two concept papers as recommended by the Special Working Group.',
        annotationRu:
          'Комитету будет предложено утвердить обе концепции в редакции, рекомендованной Специальной рабочей группой.',
        draftKeys: ['soc-2022-concept-tourism', 'soc-2022-concept-agriculture'],
      },
      {
        title: 'Approval of the Action Plan on confidence building measures',
        titleRu: 'Утверждение Плана действий по мерам доверия',
        annotation: 'The Committee will be invited to approve the Action Plan.',
        annotationRu: 'Комитету будет предложено утвердить План действий.',
        draftKeys: ['soc-2022-action-plan-cbm'],
      },
      {
        title: 'Calendar of events for 2023',
        titleRu: 'Календарь мероприятий на 2023 год',
        annotation:
          'The Chair will report that the silence procedure on the draft calendar has concluded without objection; the Committee will record its approval.',
        annotationRu:
          'Председатель сообщит, что процедура умолчания по проекту календаря завершилась без возражений; Комитет зафиксирует его утверждение.',
        draftKeys: ['soc-2022-calendar-2023'],
      },
      {
        title: 'Budget of the Secretariat for 2023 and staff matrix',
        titleRu: 'Бюджет Секретариата на 2023 год и штатное расписание',
        annotation:
          'The Committee will be invited to approve the budget and the staff matrix of the Secretariat for 2023.',
        annotationRu:
          'Комитету будет предложено утвердить бюджет и штатное расписание Секретариата на 2023 год.',
        draftKeys: ['soc-2022-budget-2023'],
      },
      {
        title: 'Follow-up to the Sixth CICA Summit (Astana, 12–13 October 2022)',
        titleRu: 'Выполнение решений Шестого саммита СВМДА (Астана, 12–13 октября 2022 года)',
        annotation:
          'Exchange of views on the next steps in the transformation of CICA into a full-fledged regional international organisation.',
        annotationRu:
          'Обмен мнениями о дальнейших шагах по трансформации СВМДА в полноценную региональную международную организацию.',
      },
      ANY_OTHER_BUSINESS,
      CLOSING,
    ],
  },
  {
    key: 'soc-2024-12',
    bodyCode: 'SOC',
    sequence: 32,
    title:
      'Meeting of the Senior Officials Committee in preparation for the Seventh Meeting of the Council of Ministers of Foreign Affairs',
    titleRu:
      'Заседание Комитета старших должностных лиц по подготовке седьмого заседания Совета министров иностранных дел',
    startsOn: '2024-12-12',
    endsOn: '2024-12-12',
    venue: 'Online (videoconference)',
    venueRu: 'В режиме онлайн (видеоконференция)',
    format: 'videoconference',
    chair: 'Alibek Bakayev, Deputy Minister of Foreign Affairs of Kazakhstan',
    coChairs: [
      'Talgat Kaliyev, Ambassador-at-Large of the Ministry of Foreign Affairs of Kazakhstan',
    ],
    status: 'closed',
    note: `Reported (public reporting): held online before the 7th CFM, co-chaired by Kazakhstan's Deputy Foreign Minister Alibek Bakayev and Ambassador-at-Large Talgat Kaliyev, with the participation of CICA Secretary General Kairat Sarybay; consensus was reached on the draft Statement commemorating the 25th anniversary of the 1999 Declaration. The exact date (some day in December 2024 before the 17th) and the sequence number are illustrative. ${ILLUSTRATIVE_AGENDA}`,
    agenda: [
      opening(
        'the Co-Chairs, Deputy Minister of Foreign Affairs Alibek Bakayev and Ambassador-at-Large Talgat Kaliyev',
        'сопредседатели — заместитель министра иностранных дел Алибек Бакаев и посол по особым поручениям Талгат Калиев',
      ),
      ADOPTION_OF_AGENDA,
      {
        title: 'Statement by the Secretary General',
        titleRu: 'Выступление Генерального секретаря',
        annotation:
          'Secretary General Kairat Sarybay will brief the Committee on the Secretariat’s preparations for the Seventh Meeting of the Council of Ministers of Foreign Affairs.',
        annotationRu:
          'Генеральный секретарь Кайрат Сарыбай проинформирует Комитет о подготовке Секретариатом седьмого заседания Совета министров иностранных дел.',
      },
      {
        title:
          'Draft Statement of the Council of Ministers of Foreign Affairs on the 25th anniversary of the 1999 Declaration',
        titleRu:
          'Проект Заявления Совета министров иностранных дел по случаю 25-летия Декларации 1999 года',
        annotation:
          'The Committee will consider the revised draft Statement with a view to reaching consensus and recommending it to the Council for adoption.',
        annotationRu:
          'Комитет рассмотрит пересмотренный проект Заявления в целях достижения консенсуса и рекомендует его Совету для принятия.',
        draftKeys: ['cfm-2024-statement-1999-declaration'],
      },
      {
        title: 'Organisation of the Seventh Meeting of the Council of Ministers of Foreign Affairs',
        titleRu: 'Организация седьмого заседания Совета министров иностранных дел',
        annotation:
          'The Committee will agree on the programme, the online format and the order of speakers of the Council meeting of 17 December 2024.',
        annotationRu:
          'Комитет согласует программу, онлайн-формат и порядок выступлений на заседании Совета 17 декабря 2024 года.',
      },
      {
        title: 'Transfer of the CICA Chairmanship from Kazakhstan to Azerbaijan',
        titleRu: 'Передача председательства в СВМДА от Казахстана Азербайджану',
        annotation:
          'The Committee will review the arrangements for the handover of the Chairmanship at the Council meeting.',
        annotationRu: 'Комитет рассмотрит порядок передачи председательства на заседании Совета.',
      },
      ANY_OTHER_BUSINESS,
      CLOSING,
    ],
  },
  {
    key: 'cfm-7',
    bodyCode: 'CFM',
    sequence: 7,
    title: 'Seventh Meeting of the Council of Ministers of Foreign Affairs',
    titleRu: 'Седьмое заседание Совета министров иностранных дел',
    startsOn: '2024-12-17',
    endsOn: '2024-12-17',
    venue: 'Online (videoconference)',
    venueRu: 'В режиме онлайн (видеоконференция)',
    format: 'videoconference',
    chair: KAZ_CHAIRMANSHIP,
    coChairs: [],
    status: 'closed',
    note: `Date, online format and the handover of the Chairmanship from Kazakhstan to Azerbaijan (2024–2026) are from public reporting. That the outgoing Chairmanship presided is the demo's assumption; presiding officials are not recorded in the reference facts. ${ILLUSTRATIVE_AGENDA}`,
    agenda: [
      opening(
        'the Minister of Foreign Affairs of the Chairmanship',
        'министр иностранных дел страны-председателя',
      ),
      ADOPTION_OF_AGENDA,
      {
        title: 'Report on the activities of CICA during the Chairmanship of Kazakhstan (2020–2024)',
        titleRu: 'Отчёт о деятельности СВМДА в период председательства Казахстана (2020–2024 годы)',
        annotation:
          'The Chairmanship will present an overview of the work done since 2020, including the Sixth Summit and the start of the transformation of CICA.',
        annotationRu:
          'Председательство представит обзор проделанной с 2020 года работы, включая Шестой саммит и начало трансформации СВМДА.',
      },
      {
        title:
          'Statement on the 25th anniversary of the Declaration on the Principles Guiding Relations between CICA Member States',
        titleRu:
          'Заявление по случаю 25-летия Декларации о принципах, регулирующих отношения между государствами — членами СВМДА',
        annotation:
          'The Council will be invited to adopt the Statement, on which the Senior Officials Committee reached consensus.',
        annotationRu:
          'Совету будет предложено принять Заявление, по которому Комитет старших должностных лиц достиг консенсуса.',
        draftKeys: ['cfm-2024-statement-1999-declaration'],
      },
      {
        title: 'Transfer of the CICA Chairmanship to Azerbaijan for 2024–2026',
        titleRu: 'Передача председательства в СВМДА Азербайджану на 2024–2026 годы',
        annotation:
          'Kazakhstan will hand over the Chairmanship to Azerbaijan; the incoming Chairmanship will present its priorities.',
        annotationRu:
          'Казахстан передаст председательство Азербайджану; новое Председательство представит свои приоритеты.',
      },
      {
        title: 'Statements by heads of delegation',
        titleRu: 'Выступления глав делегаций',
        annotation:
          'Heads of delegation of Member States, followed by observers and partner organisations, may take the floor.',
        annotationRu:
          'Слово предоставляется главам делегаций государств-членов, затем наблюдателям и организациям-партнёрам.',
      },
      ANY_OTHER_BUSINESS,
      CLOSING,
    ],
  },
  {
    key: 'soc-2026-12',
    bodyCode: 'SOC',
    sequence: 36,
    title: 'Meeting of the Senior Officials Committee (December 2026)',
    titleRu: 'Заседание Комитета старших должностных лиц (декабрь 2026 года)',
    startsOn: '2026-12-16',
    endsOn: '2026-12-16',
    venue: 'CICA Secretariat, Astana, and videoconference',
    venueRu: 'Секретариат СВМДА, Астана, и видеоконференция',
    format: 'hybrid',
    chair: AZE_CHAIRMANSHIP,
    coChairs: [],
    status: 'planned',
    note: 'Illustrative future meeting for the demo dashboard: date, venue, format, sequence number and agenda are placeholders, not an announced meeting.',
    agenda: [
      opening('the Chair of the Committee', 'Председатель Комитета'),
      ADOPTION_OF_AGENDA,
      {
        title: 'Draft Declaration of the Seventh CICA Summit',
        titleRu: 'Проект Декларации Седьмого саммита СВМДА',
        annotation:
          'The Committee will continue negotiations on the bracketed paragraphs with a view to recommending the draft to the Summit.',
        annotationRu:
          'Комитет продолжит переговоры по положениям в квадратных скобках в целях представления проекта саммиту.',
        draftKeys: ['summit-2026-declaration'],
      },
      {
        title:
          'Concept paper on confidence building measures in the security of and in the use of information and communication technologies',
        titleRu:
          'Концепция мер доверия в сфере безопасности информационно-коммуникационных технологий и их использования',
        annotation:
          'The Chair will report on the outcome of the silence procedure ending on 15 December 2026; the Committee will record the approval of the concept paper if silence is not broken.',
        annotationRu:
          'Председатель сообщит об итогах процедуры умолчания, завершающейся 15 декабря 2026 года; в случае если молчание не будет нарушено, Комитет зафиксирует утверждение концепции.',
        draftKeys: ['soc-2026-concept-ict'],
      },
      {
        title: 'Report of the Senior Officials Committee to the Summit',
        titleRu: 'Доклад Комитета старших должностных лиц саммиту',
        annotation:
          'First reading of the draft report on the activities of CICA in 2024–2026, circulated in Russian.',
        annotationRu:
          'Первое чтение проекта доклада о деятельности СВМДА в 2024–2026 годах, распространённого на русском языке.',
        draftKeys: ['soc-2026-report-summit'],
      },
      {
        title: 'Preparations for the Seventh CICA Summit',
        titleRu: 'Подготовка Седьмого саммита СВМДА',
        annotation: 'The Chairmanship will brief the Committee on the organisation of the Summit.',
        annotationRu: 'Председательство проинформирует Комитет об организации саммита.',
      },
      ANY_OTHER_BUSINESS,
      CLOSING,
    ],
  },
  {
    key: 'summit-7',
    bodyCode: 'SUMMIT',
    sequence: 7,
    title: 'Seventh CICA Summit',
    titleRu: 'Седьмой саммит СВМДА',
    startsOn: '2026-12-21',
    endsOn: '2026-12-22',
    venue: 'Azerbaijan (city to be confirmed)',
    venueRu: 'Азербайджан (город будет уточнён)',
    format: 'in-person',
    chair: AZE_CHAIRMANSHIP,
    coChairs: [],
    status: 'planned',
    note: 'The reference facts say only that the next Summit (the seventh, after 2002, 2006, 2010, 2014, 2019 and 2022) is planned in Azerbaijan in 2026. Dates, venue, sequence and agenda here are illustrative placeholders for the demo, not announced arrangements.',
    agenda: [
      opening('the Head of State of the Chairmanship', 'глава государства — председателя'),
      ADOPTION_OF_AGENDA,
      {
        title: 'Report of the Senior Officials Committee on the activities of CICA in 2024–2026',
        titleRu: 'Доклад Комитета старших должностных лиц о деятельности СВМДА в 2024–2026 годах',
        annotation: 'The Summit will be invited to take note of the report.',
        annotationRu: 'Саммиту будет предложено принять доклад к сведению.',
        draftKeys: ['soc-2026-report-summit'],
      },
      {
        title: 'Statements by Heads of State and Government',
        titleRu: 'Выступления глав государств и правительств',
        annotation: 'Heads of delegation will address the Summit in the agreed order.',
        annotationRu: 'Главы делегаций выступят в согласованном порядке.',
      },
      {
        title: 'Adoption of the Declaration of the Seventh CICA Summit',
        titleRu: 'Принятие Декларации Седьмого саммита СВМДА',
        annotation:
          'The Summit will be invited to adopt the Declaration recommended by the Senior Officials Committee.',
        annotationRu:
          'Саммиту будет предложено принять Декларацию, рекомендованную Комитетом старших должностных лиц.',
        draftKeys: ['summit-2026-declaration'],
      },
      {
        title: 'Chairmanship of CICA after 2026',
        titleRu: 'Председательство в СВМДА после 2026 года',
        annotation: 'Decision on the next Chairmanship, as agreed through diplomatic channels.',
        annotationRu:
          'Решение о следующем Председательстве, согласованное по дипломатическим каналам.',
      },
      ANY_OTHER_BUSINESS,
      CLOSING,
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Drafts (all texts, penholders and positions illustrative)
// ---------------------------------------------------------------------------------------------

const ILLUSTRATIVE_TEXT =
  'Illustrative text written for the demo, not the actual document; penholder, revisions and positions are illustrative and do not represent any state’s actual position.';

function para(key: string, text: string): DemoParagraph {
  return { key, text };
}

function at(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

const MEMBER_CODES = memberStates.map((state) => state.code);

/**
 * Every member state concurs except where `special` says otherwise; recorded one after another
 * from `from`, `stepMinutes` apart, so the timeline is deterministic and ordered.
 */
function roundOfAll(
  from: string,
  stepMinutes: number,
  special: Record<string, Omit<DemoPosition, 'stateCode' | 'recordedAt'>> = {},
): DemoPosition[] {
  return MEMBER_CODES.map((stateCode, index) => ({
    stateCode,
    ...(special[stateCode] ?? { stance: 'concur' as const }),
    recordedAt: at(from, index * stepMinutes),
  }));
}

/** Only the listed states have answered, in the order given. */
function roundOf(
  from: string,
  stepMinutes: number,
  answers: [string, Omit<DemoPosition, 'stateCode' | 'recordedAt'>][],
): DemoPosition[] {
  return answers.map(([stateCode, answer], index) => ({
    stateCode,
    ...answer,
    recordedAt: at(from, index * stepMinutes),
  }));
}

const CONCUR = { stance: 'concur' } as const;

// (a) The 7th CFM's Statement on the 25th anniversary of the 1999 Declaration -----------------

const STATEMENT_TITLE =
  'Statement of the Council of Ministers of Foreign Affairs of CICA on the 25th anniversary of the Declaration on the Principles Guiding Relations between CICA Member States';

const statementPreambleRev1 = [
  para(
    'pp1',
    'We, the Ministers of Foreign Affairs of the Member States of the Conference on Interaction and Confidence Building Measures in Asia (CICA), meeting by videoconference on 17 December 2024,',
  ),
  para(
    'pp2',
    'Recalling the Declaration on the Principles Guiding Relations between CICA Member States, adopted in Almaty on 14 September 1999, and the Almaty Act of 4 June 2002,',
  ),
  para(
    'pp3',
    'Reaffirming our commitment to the purposes and principles of the Charter of the United Nations and to the principles set out in the 1999 Declaration, including sovereign equality, respect for the territorial integrity of States, the peaceful settlement of disputes and non-interference in internal affairs,',
  ),
  para(
    'pp4',
    'Noting with satisfaction that CICA has grown from the fifteen States that signed the 1999 Declaration to twenty-eight Member States,',
  ),
  para(
    'pp5',
    'Welcoming the decision of the Sixth Summit, held in Astana on 12 and 13 October 2022, to launch the transformation of CICA into a full-fledged regional international organization,',
  ),
  para('pp6', 'Expressing appreciation to Kazakhstan for its Chairmanship in 2020–2024,'),
];

const statementRev1: DemoRevision = {
  title: STATEMENT_TITLE,
  authorEmail: delegateEmail('KAZ'),
  createdAt: '2024-11-15T10:00:00.000Z',
  note: 'First draft circulated by the Chairmanship; two paragraphs carry bracketed text proposed by delegations.',
  preamble: statementPreambleRev1,
  operative: [
    para(
      'op1',
      'Reaffirm that the principles of the 1999 Declaration remain the foundation of relations between CICA Member States and of our common efforts to strengthen peace, security and stability in Asia;',
    ),
    para(
      'op2',
      'Reiterate our commitment to promoting dialogue, mutual trust and cooperation through the implementation of confidence building measures in all dimensions of CICA’s activities;',
    ),
    para(
      'op3',
      'Underline the importance of settling disputes by peaceful, political and diplomatic means in accordance with international law [and the relevant resolutions of the United Nations Security Council];',
    ),
    para(
      'op4',
      'Support the continued work on the transformation of CICA into a full-fledged regional international organization in a gradual and step-by-step manner;',
    ),
    para(
      'op5',
      'Welcome the contribution of the CICA Secretariat to the implementation of the decisions of the Summit and of this Council [and request the Senior Officials Committee to consider expanding the staff matrix of the Secretariat in 2025];',
    ),
    para(
      'op6',
      'Encourage further cooperation with the observer States and the observer and partner organizations of CICA, as well as with the United Nations and other international and regional organizations;',
    ),
    para(
      'op8',
      'Express our confidence that the incoming Chairmanship will further advance the objectives of CICA.',
    ),
  ],
};

const statementRev2: DemoRevision = {
  title: STATEMENT_TITLE,
  authorEmail: DEMO_SECRETARIAT,
  createdAt: '2024-12-04T10:00:00.000Z',
  note: 'Revised after informal consultations: brackets in op3 and op5 resolved, op7 added, pp6 and op8 updated for the handover of the Chairmanship.',
  preamble: [
    ...statementPreambleRev1.slice(0, 5),
    para(
      'pp6',
      'Expressing appreciation to Kazakhstan for its Chairmanship in 2020–2024 and welcoming the assumption of the Chairmanship by Azerbaijan for 2024–2026,',
    ),
  ],
  operative: [
    statementRev1.operative[0],
    statementRev1.operative[1],
    para(
      'op3',
      'Underline the importance of settling disputes by peaceful, political and diplomatic means in accordance with international law;',
    ),
    statementRev1.operative[3],
    para(
      'op5',
      'Welcome the contribution of the CICA Secretariat to the implementation of the decisions of the Summit and of this Council, and encourage it to continue strengthening its capacity;',
    ),
    statementRev1.operative[5],
    para(
      'op7',
      'Decide to mark the twenty-fifth anniversary of the 1999 Declaration through activities organized by the Chairmanship and the Secretariat in 2025;',
    ),
    para(
      'op8',
      'Express our confidence that the Chairmanship of Azerbaijan will further advance the objectives of CICA, and look forward to the next Summit, to be held in Azerbaijan in 2026.',
    ),
  ],
};

const statementDraft: DemoDraft = {
  key: 'cfm-2024-statement-1999-declaration',
  type: 'statement',
  title: STATEMENT_TITLE,
  adoptingBodyCode: 'CFM',
  meetingKey: 'cfm-7',
  penholder: 'KAZ',
  language: 'en',
  note: `Public reporting records that the SOC reached consensus on this Statement before the 7th CFM (17 December 2024), where it was the central political outcome. ${ILLUSTRATIVE_TEXT}`,
  revisions: [statementRev1, statementRev2],
  positions: roundOfAll('2024-12-05T08:00:00.000Z', 240, {
    KOR: {
      stance: 'reservation',
      text: 'Joins consensus on the understanding that the commemorative activities referred to in operative paragraph 7 will be financed from existing resources and will create no new financial obligations for Member States.',
      paragraphKeys: ['op7'],
    },
    VNM: {
      stance: 'reservation',
      text: 'Joins consensus and recalls that the pace and modalities of the transformation referred to in operative paragraph 4 are to be determined by consensus of all Member States.',
      paragraphKeys: ['op4'],
    },
  }),
  outcome: {
    status: 'ADOPTED',
    submittedAt: '2024-11-15T12:00:00.000Z',
    consensus: {
      method: 'explicit',
      declaredAt: '2024-12-12T11:30:00.000Z',
      declaredByEmail: DEMO_SOC_CHAIR,
    },
    adoption: {
      meetingKey: 'cfm-7',
      adoptedAt: '2024-12-17T10:30:00.000Z',
      adoptedByEmail: DEMO_CFM_CHAIR,
    },
  },
};

// (b) December 2022: concept papers, Action Plan, calendar, budget ----------------------------

const DEC_2022_NOTE =
  'Public reporting records its approval by the SOC and the SWG, meeting by videoconference in December 2022.';

const tourismPreamble = [
  para(
    'pp1',
    'Recognizing the significant contribution of tourism to economic growth, employment and the diversification of the economies of the Member States,',
  ),
  para(
    'pp2',
    'Convinced that tourism broadens contacts between peoples and thereby contributes to mutual understanding and trust in Asia,',
  ),
  para(
    'pp3',
    'Taking into account the severe impact of the COVID-19 pandemic on the tourism sector and the need for its sustainable recovery,',
  ),
  para(
    'pp4',
    'Guided by the aim of strengthening confidence building measures in the economic and human dimensions of CICA,',
  ),
];

const tourismRev1Operative = [
  para(
    'op1',
    'The purpose of this Concept Paper is to set out the objectives, areas and forms of cooperation among the Member States in the field of tourism.',
  ),
  para(
    'op2',
    'Cooperation will aim at exchanging information and experience on national tourism policies, tourism statistics and regulatory practice.',
  ),
  para(
    'op3',
    'The Member States will consider the joint promotion of tourist routes and destinations, including cultural, historical, ecological and health tourism.',
  ),
  para(
    'op4',
    'The Member States will explore ways to simplify travel formalities for tourists from other Member States.',
  ),
  para(
    'op5',
    'Cooperation will include training and exchange programmes for tourism professionals and the sharing of good practice in the safety of tourists.',
  ),
  para(
    'op6',
    'Activities under this Concept Paper will take the form of experts’ meetings, workshops, conferences and joint projects, carried out on a voluntary basis.',
  ),
  para(
    'op7',
    'The Secretariat will keep a record of the activities carried out and report on their implementation to the Senior Officials Committee.',
  ),
];

const tourismDraft: DemoDraft = {
  key: 'soc-2022-concept-tourism',
  type: 'concept-paper',
  title: 'Concept Paper on Cooperation in the Field of Tourism',
  adoptingBodyCode: 'SOC',
  meetingKey: 'soc-2022-12',
  penholder: 'KAZ',
  language: 'en',
  note: `${DEC_2022_NOTE} The penholder is shown as the Chairmanship; the actual coordinating state is not recorded here. ${ILLUSTRATIVE_TEXT}`,
  revisions: [
    {
      title: 'Concept Paper on Cooperation in the Field of Tourism',
      authorEmail: delegateEmail('KAZ'),
      createdAt: '2022-10-24T09:00:00.000Z',
      preamble: tourismPreamble,
      operative: tourismRev1Operative,
    },
    {
      title: 'Concept Paper on Cooperation in the Field of Tourism',
      authorEmail: DEMO_SECRETARIAT,
      createdAt: '2022-11-21T09:00:00.000Z',
      note: 'Revised on the basis of comments by delegations: national legislation reference in op4, financing clause op8 added.',
      preamble: tourismPreamble,
      operative: [
        ...tourismRev1Operative.slice(0, 3),
        para(
          'op4',
          'The Member States will explore, in accordance with their national legislation, ways to facilitate travel formalities for tourists from other Member States.',
        ),
        ...tourismRev1Operative.slice(4),
        para(
          'op8',
          'The implementation of this Concept Paper will not require additional contributions to the budget of the Secretariat; activities will be financed by the Member States organizing them or from voluntary contributions.',
        ),
      ],
    },
  ],
  positions: roundOfAll('2022-11-28T08:00:00.000Z', 120),
  // Translated when the first revision circulated: the second changed op4 and added op8, so
  // the Russian version of the adopted text still has those two outdated (the demo shows it).
  translations: [
    {
      language: 'ru',
      revision: 1,
      enteredAt: '2022-10-31T09:00:00.000Z',
      title: 'Концептуальный документ о сотрудничестве в области туризма',
      paragraphs: {
        pp1: 'признавая значительный вклад туризма в экономический рост, занятость и диверсификацию экономик государств-членов,',
        pp2: 'будучи убеждены, что туризм расширяет контакты между народами и тем самым способствует взаимопониманию и доверию в Азии,',
        pp3: 'принимая во внимание серьёзные последствия пандемии COVID-19 для сектора туризма и необходимость его устойчивого восстановления,',
        pp4: 'руководствуясь целью укрепления мер доверия в экономическом и человеческом измерениях СВМДА,',
        op1: 'Цель настоящего Концептуального документа — определить цели, направления и формы сотрудничества государств-членов в области туризма.',
        op2: 'Сотрудничество будет направлено на обмен информацией и опытом в области национальной туристской политики, статистики туризма и практики регулирования.',
        op3: 'Государства-члены рассмотрят возможность совместного продвижения туристских маршрутов и направлений, включая культурный, исторический, экологический и оздоровительный туризм.',
        op4: 'Государства-члены изучат пути упрощения туристических формальностей для туристов из других государств-членов.',
        op5: 'Сотрудничество будет включать программы подготовки и обмена для специалистов в области туризма и обмен передовой практикой в области безопасности туристов.',
        op6: 'Мероприятия в рамках настоящего Концептуального документа будут проводиться в форме совещаний экспертов, семинаров, конференций и совместных проектов на добровольной основе.',
        op7: 'Секретариат будет вести учёт проведённых мероприятий и докладывать об их осуществлении Комитету старших должностных лиц.',
      },
    },
  ],
  outcome: {
    status: 'ADOPTED',
    submittedAt: '2022-10-24T12:00:00.000Z',
    consensus: {
      method: 'explicit',
      declaredAt: '2022-12-15T10:30:00.000Z',
      declaredByEmail: DEMO_SOC_CHAIR,
    },
    adoption: {
      meetingKey: 'soc-2022-12',
      adoptedAt: '2022-12-15T10:40:00.000Z',
      adoptedByEmail: DEMO_SOC_CHAIR,
    },
  },
};

const agriculturePreamble = [
  para(
    'pp1',
    'Recognizing that agriculture remains a basis of food security, rural livelihoods and economic stability in many Member States,',
  ),
  para(
    'pp2',
    'Concerned about the effects of climate change, water scarcity and land degradation on agricultural production in Asia,',
  ),
  para(
    'pp3',
    'Noting the importance of stable and predictable supply chains for food and agricultural products,',
  ),
  para(
    'pp4',
    'Convinced that cooperation in agriculture contributes to confidence and good-neighbourly relations among the Member States,',
  ),
];

const agricultureOperative = [
  para(
    'op1',
    'The purpose of this Concept Paper is to define the objectives, priority areas and forms of cooperation among the Member States in the field of agriculture.',
  ),
  para(
    'op2',
    'The Member States will exchange experience in sustainable and climate-resilient agricultural practices, including water-efficient irrigation and soil conservation.',
  ),
  para(
    'op3',
    'The Member States will encourage cooperation among their agricultural research institutions, including joint research and exchanges of specialists.',
  ),
  para(
    'op4',
    'The Member States will exchange information on plant protection and animal health with a view to preventing the spread of transboundary pests and diseases.',
  ),
  para(
    'op5',
    'The Member States will share experience in the use of digital technologies in agriculture and in agricultural statistics.',
  ),
  para(
    'op6',
    'The Member States will consider measures to facilitate trade in agricultural products, consistent with their international obligations.',
  ),
  para(
    'op7',
    'Activities under this Concept Paper will take the form of experts’ meetings, seminars, training courses and joint projects, carried out on a voluntary basis.',
  ),
  para(
    'op8',
    'The Secretariat will keep a record of the activities carried out and report on their implementation to the Senior Officials Committee.',
  ),
];

const agricultureDraft: DemoDraft = {
  key: 'soc-2022-concept-agriculture',
  type: 'concept-paper',
  title: 'Concept Paper on Cooperation in the Field of Agriculture',
  adoptingBodyCode: 'SOC',
  meetingKey: 'soc-2022-12',
  penholder: 'KAZ',
  language: 'en',
  note: `${DEC_2022_NOTE} The penholder is shown as the Chairmanship; the actual coordinating state is not recorded here. ${ILLUSTRATIVE_TEXT}`,
  revisions: [
    {
      title: 'Concept Paper on Cooperation in the Field of Agriculture',
      authorEmail: delegateEmail('KAZ'),
      createdAt: '2022-10-26T09:00:00.000Z',
      preamble: agriculturePreamble.slice(0, 3),
      operative: agricultureOperative.filter((p) => p.key !== 'op5'),
    },
    {
      title: 'Concept Paper on Cooperation in the Field of Agriculture',
      authorEmail: DEMO_SECRETARIAT,
      createdAt: '2022-11-22T09:00:00.000Z',
      note: 'pp4 and op5 (digital agriculture) added at the request of delegations.',
      preamble: agriculturePreamble,
      operative: agricultureOperative,
    },
  ],
  positions: roundOfAll('2022-11-28T09:00:00.000Z', 120),
  outcome: {
    status: 'ADOPTED',
    submittedAt: '2022-10-26T12:00:00.000Z',
    consensus: {
      method: 'explicit',
      declaredAt: '2022-12-15T10:45:00.000Z',
      declaredByEmail: DEMO_SOC_CHAIR,
    },
    adoption: {
      meetingKey: 'soc-2022-12',
      adoptedAt: '2022-12-15T10:50:00.000Z',
      adoptedByEmail: DEMO_SOC_CHAIR,
    },
  },
};

const actionPlanPreamble = [
  para(
    'pp1',
    'Reaffirming that confidence building measures are at the core of CICA’s activities,',
  ),
  para(
    'pp2',
    'Recalling the decisions of the Sixth CICA Summit held in Astana on 12 and 13 October 2022,',
  ),
  para(
    'pp3',
    'Noting the work carried out by the Member States coordinating individual areas of confidence building measures,',
  ),
  para(
    'pp4',
    'Seeking a balanced implementation of confidence building measures in all dimensions of CICA’s activities,',
  ),
];

const actionPlanRev1Operative = [
  para(
    'op1',
    'In the military-political dimension, the Member States will implement confidence building measures, including voluntary exchanges of information and visits, as agreed among the interested Member States.',
  ),
  para(
    'op2',
    'In addressing new challenges and threats, the Member States will continue cooperation against terrorism, illicit drug trafficking and transnational organized crime.',
  ),
  para(
    'op3',
    'In the economic dimension, the Member States will carry out activities under the concept papers approved by the Senior Officials Committee.',
  ),
  para(
    'op4',
    'In the environmental dimension, the Member States will cooperate on adaptation to climate change, disaster risk reduction and environmental protection.',
  ),
  para(
    'op5',
    'In the human dimension, the Member States will promote cultural, educational, youth and media exchanges.',
  ),
  para(
    'op6',
    'The coordinating Member States will submit proposals for specific activities for inclusion in the annual calendar of events.',
  ),
  para(
    'op7',
    'The Secretariat will monitor the implementation of this Action Plan and submit an annual report to the Senior Officials Committee.',
  ),
];

const actionPlanDraft: DemoDraft = {
  key: 'soc-2022-action-plan-cbm',
  type: 'action-plan',
  title: 'Action Plan on Confidence Building Measures',
  adoptingBodyCode: 'SOC',
  meetingKey: 'soc-2022-12',
  penholder: 'KAZ',
  language: 'en',
  note: `${DEC_2022_NOTE} ${ILLUSTRATIVE_TEXT}`,
  revisions: [
    {
      title: 'Action Plan on Confidence Building Measures',
      authorEmail: DEMO_SECRETARIAT,
      createdAt: '2022-11-01T09:00:00.000Z',
      preamble: actionPlanPreamble,
      operative: actionPlanRev1Operative,
    },
    {
      title: 'Action Plan on Confidence Building Measures',
      authorEmail: DEMO_SECRETARIAT,
      createdAt: '2022-11-25T09:00:00.000Z',
      note: 'op3 now refers to the concept papers on tourism and agriculture; review clause op8 added.',
      preamble: actionPlanPreamble,
      operative: [
        ...actionPlanRev1Operative.slice(0, 2),
        para(
          'op3',
          'In the economic dimension, the Member States will carry out activities under the concept papers approved by the Senior Officials Committee, including those on tourism and agriculture.',
        ),
        ...actionPlanRev1Operative.slice(3),
        para(
          'op8',
          'The Senior Officials Committee will review this Action Plan as necessary, on the proposal of any Member State or of the Chairmanship.',
        ),
      ],
    },
  ],
  positions: roundOfAll('2022-11-29T08:00:00.000Z', 120, {
    KHM: {
      stance: 'reservation',
      text: 'Joins consensus on the understanding that participation in the measures of the military-political dimension under operative paragraph 1 remains voluntary and subject to national decision.',
      paragraphKeys: ['op1'],
    },
  }),
  outcome: {
    status: 'ADOPTED',
    submittedAt: '2022-11-01T12:00:00.000Z',
    consensus: {
      method: 'explicit',
      declaredAt: '2022-12-15T11:00:00.000Z',
      declaredByEmail: DEMO_SOC_CHAIR,
    },
    adoption: {
      meetingKey: 'soc-2022-12',
      adoptedAt: '2022-12-15T11:05:00.000Z',
      adoptedByEmail: DEMO_SOC_CHAIR,
    },
  },
};

const calendarDraft: DemoDraft = {
  key: 'soc-2022-calendar-2023',
  type: 'calendar',
  title: 'CICA Calendar of Events for 2023',
  adoptingBodyCode: 'SOC',
  meetingKey: 'soc-2022-12',
  penholder: 'KAZ',
  language: 'en',
  note: `${DEC_2022_NOTE} In the demo it reaches consensus by silence procedure; whether the real calendar did is not known. The detailed list of events would be an annex, not reproduced. ${ILLUSTRATIVE_TEXT}`,
  revisions: [
    {
      title: 'CICA Calendar of Events for 2023',
      authorEmail: DEMO_SECRETARIAT,
      createdAt: '2022-11-10T09:00:00.000Z',
      preamble: [
        para(
          'pp1',
          'Taking into account the proposals submitted by the Member States, the Chairmanship and the Secretariat,',
        ),
        para('pp2', 'Guided by the Action Plan on Confidence Building Measures,'),
        para(
          'pp3',
          'Bearing in mind the need to plan the meetings of the CICA bodies and the events under confidence building measures in good time,',
        ),
      ],
      operative: [
        para(
          'op1',
          'The Senior Officials Committee will meet at least twice in 2023, in the first and in the second half of the year, on dates proposed by the Chairmanship.',
        ),
        para(
          'op2',
          'The Special Working Group will meet before each meeting of the Senior Officials Committee and otherwise as necessary.',
        ),
        para(
          'op3',
          'Events in the economic, environmental and human dimensions, including those under the concept papers on tourism and agriculture, will be held on the dates and in the formats proposed by the organizing Member States.',
        ),
        para(
          'op4',
          'Events on new challenges and threats and in the military-political dimension will be held as agreed among the interested Member States.',
        ),
        para('op5', 'Events may be held in person, by videoconference or in a hybrid format.'),
        para(
          'op6',
          'The Secretariat will circulate the calendar and update it whenever a Member State confirms or changes the date of an event, informing all Member States.',
        ),
      ],
    },
  ],
  positions: roundOf('2022-12-07T14:00:00.000Z', 300, [
    ['KAZ', CONCUR],
    ['AZE', CONCUR],
    ['UZB', CONCUR],
    ['THA', CONCUR],
    ['KWT', CONCUR],
    ['MNG', CONCUR],
  ]),
  outcome: {
    status: 'ADOPTED',
    submittedAt: '2022-11-10T12:00:00.000Z',
    silence: {
      startedAt: '2022-12-07T09:00:00.000Z',
      deadline: '2022-12-13T12:00:00.000Z',
      startedByEmail: DEMO_SOC_CHAIR,
    },
    consensus: {
      method: 'silence',
      declaredAt: '2022-12-13T12:01:00.000Z',
      declaredByEmail: DEMO_SOC_CHAIR,
    },
    adoption: {
      meetingKey: 'soc-2022-12',
      adoptedAt: '2022-12-15T11:15:00.000Z',
      adoptedByEmail: DEMO_SOC_CHAIR,
    },
  },
};

const budgetPreamble = [
  para('pp1', 'Recalling the rules governing the financing of the CICA Secretariat,'),
  para(
    'pp2',
    'Having considered the draft budget and staff matrix submitted by the Secretariat and reviewed by the Special Working Group,',
  ),
  para(
    'pp3',
    'Taking into account the decision of the Sixth Summit to launch the transformation of CICA and the tasks it entails for the Secretariat,',
  ),
];

const budgetRev1Operative = [
  para('op1', 'Approves the budget of the CICA Secretariat for 2023 as set out in Annex I;'),
  para('op2', 'Approves the staff matrix of the Secretariat for 2023 as set out in Annex II;'),
  para(
    'op3',
    'Calls upon the Member States to pay their contributions for 2023 in full and on time, in accordance with the agreed scale of contributions;',
  ),
  para(
    'op4',
    'Requests the Secretariat to execute the budget in accordance with the applicable rules and to report on its execution to the Senior Officials Committee;',
  ),
  para(
    'op6',
    'Decides to consider the budget and staff matrix for 2024 at its last meeting in 2023.',
  ),
];

const budgetDraft: DemoDraft = {
  key: 'soc-2022-budget-2023',
  type: 'budget',
  title: 'Budget of the CICA Secretariat for 2023 and Staff Matrix',
  adoptingBodyCode: 'SOC',
  meetingKey: 'soc-2022-12',
  penholder: 'KAZ',
  language: 'en',
  note: `${DEC_2022_NOTE} The annexes with figures and posts are not reproduced: the demo invents no budget figures. ${ILLUSTRATIVE_TEXT}`,
  revisions: [
    {
      title: 'Budget of the CICA Secretariat for 2023 and Staff Matrix',
      authorEmail: DEMO_SECRETARIAT,
      createdAt: '2022-11-03T09:00:00.000Z',
      preamble: budgetPreamble,
      operative: budgetRev1Operative,
    },
    {
      title: 'Budget of the CICA Secretariat for 2023 and Staff Matrix',
      authorEmail: DEMO_SECRETARIAT,
      createdAt: '2022-11-29T09:00:00.000Z',
      note: 'op5 added on changes to the staff matrix during the year.',
      preamble: budgetPreamble,
      operative: [
        ...budgetRev1Operative.slice(0, 4),
        para(
          'op5',
          'Decides that any change to the staff matrix during 2023 shall be submitted to the Senior Officials Committee for approval;',
        ),
        budgetRev1Operative[4],
      ],
    },
  ],
  positions: roundOfAll('2022-11-30T08:00:00.000Z', 150, {
    BHR: {
      stance: 'reservation',
      text: 'Joins consensus and expects recruitment under the staff matrix to take due account of equitable geographical representation of the Member States.',
      paragraphKeys: ['op2', 'op5'],
    },
  }),
  outcome: {
    status: 'ADOPTED',
    submittedAt: '2022-11-03T12:00:00.000Z',
    consensus: {
      method: 'explicit',
      declaredAt: '2022-12-15T11:20:00.000Z',
      declaredByEmail: DEMO_SOC_CHAIR,
    },
    adoption: {
      meetingKey: 'soc-2022-12',
      adoptedAt: '2022-12-15T11:25:00.000Z',
      adoptedByEmail: DEMO_SOC_CHAIR,
    },
  },
};

// (c) Open drafts for the dashboard (late 2026) ----------------------------------------------

const OPEN_DRAFT_NOTE =
  'Illustrative open draft for the demo dashboard; no such document is known from public reporting.';

const DECLARATION_TITLE =
  'Declaration of the Seventh Summit of the Conference on Interaction and Confidence Building Measures in Asia';

const declarationPreamble = [
  para(
    'pp1',
    'We, the Heads of State and Government of the Member States of the Conference on Interaction and Confidence Building Measures in Asia (CICA), gathered in Azerbaijan for the Seventh CICA Summit,',
  ),
  para(
    'pp2',
    'Guided by the purposes and principles of the Charter of the United Nations, the 1999 Declaration on the Principles Guiding Relations between CICA Member States and the Almaty Act of 2002,',
  ),
  para(
    'pp3',
    'Recalling the outcome of the Sixth Summit, held in Astana in October 2022, which launched the transformation of CICA into a full-fledged regional international organization,',
  ),
  para(
    'pp4',
    'Noting with satisfaction the work accomplished during the Chairmanship of Azerbaijan in 2024–2026,',
  ),
  para(
    'pp5',
    'Convinced that dialogue and confidence building remain the most reliable means of strengthening peace, security and sustainable development in Asia,',
  ),
];

const declarationOperativeRev1 = [
  para(
    'op1',
    'Reaffirm our commitment to the principles of the 1999 Declaration and of the Almaty Act as the foundation of cooperation within CICA;',
  ),
  para(
    'op2',
    'Reiterate that confidence building measures remain at the core of CICA’s activities and commit ourselves to their consistent implementation in all dimensions;',
  ),
  para(
    'op3',
    'Welcome the progress made since 2022 in the transformation of CICA, including the strengthening of the Secretariat;',
  ),
  para(
    'op4',
    'Agree to complete the transformation of CICA into a full-fledged regional international organization [by 2030] [in a gradual, step-by-step manner and on the basis of consensus];',
  ),
  para(
    'op5',
    'Welcome the implementation of the concept papers approved by the Senior Officials Committee, including those on tourism and agriculture;',
  ),
  para(
    'op6',
    'Encourage broader cooperation with the observer States and the observer and partner organizations of CICA, including the Eurasian Economic Commission;',
  ),
  para(
    'op7',
    'Decide to establish [a CICA Fund for Cooperation financed by assessed contributions] [voluntary arrangements for financing joint projects];',
  ),
  para(
    'op9',
    'Express our gratitude to Azerbaijan for its Chairmanship and for hosting the Seventh Summit;',
  ),
  para(
    'op10',
    'Agree that the date and venue of the next Summit will be determined through diplomatic channels.',
  ),
];

const declarationOperativeRev2 = [
  ...declarationOperativeRev1.slice(0, 7),
  para(
    'op8',
    'Support the development of confidence building measures in the security of and in the use of information and communication technologies [, including a CICA directory of points of contact];',
  ),
  ...declarationOperativeRev1.slice(7),
];

const declarationDraft: DemoDraft = {
  key: 'summit-2026-declaration',
  type: 'declaration',
  title: DECLARATION_TITLE,
  adoptingBodyCode: 'SUMMIT',
  meetingKey: 'summit-7',
  penholder: 'AZE',
  language: 'en',
  note: `${OPEN_DRAFT_NOTE} The reference facts say only that the next Summit is planned in Azerbaijan in 2026. ${ILLUSTRATIVE_TEXT}`,
  revisions: [
    {
      title: DECLARATION_TITLE,
      authorEmail: delegateEmail('AZE'),
      createdAt: '2026-09-15T09:00:00.000Z',
      note: 'Zero draft circulated by the Chairmanship.',
      preamble: declarationPreamble,
      operative: declarationOperativeRev1,
    },
    {
      title: DECLARATION_TITLE,
      authorEmail: delegateEmail('AZE'),
      createdAt: '2026-11-02T09:00:00.000Z',
      note: 'Revised after the first reading; op8 on ICT security added. Brackets in op4, op7 and op8 remain open.',
      preamble: declarationPreamble,
      operative: declarationOperativeRev2,
    },
  ],
  positions: roundOf('2026-11-04T09:00:00.000Z', 1_380, [
    ['AZE', CONCUR],
    ['KAZ', CONCUR],
    ['TUR', CONCUR],
    ['UZB', CONCUR],
    [
      'EGY',
      {
        stance: 'reservation',
        text: 'Can accept operative paragraph 4 only without a fixed deadline; prefers the second bracketed option.',
        paragraphKeys: ['op4'],
      },
    ],
    ['KGZ', CONCUR],
    [
      'LKA',
      {
        stance: 'objection',
        text: 'Cannot accept a fund financed by assessed contributions (first option in operative paragraph 7); will join consensus on the voluntary option only.',
        paragraphKeys: ['op7'],
      },
    ],
    ['TJK', CONCUR],
    [
      'VNM',
      {
        stance: 'reservation',
        text: 'Understands the measures referred to in operative paragraph 8 as voluntary and to be applied in accordance with national legislation.',
        paragraphKeys: ['op8'],
      },
    ],
    ['BHR', CONCUR],
    ['KWT', CONCUR],
  ]),
  outcome: { status: 'UNDER_SOC_REVIEW', submittedAt: '2026-09-15T12:00:00.000Z' },
};

const ICT_TITLE =
  'Concept Paper on Confidence Building Measures in the Security of and in the Use of Information and Communication Technologies';

const ictPreamble = [
  para(
    'pp1',
    'Recognizing the growing importance of information and communication technologies for the economic and social development of the Member States,',
  ),
  para(
    'pp2',
    'Concerned that these technologies may be used for purposes inconsistent with the maintenance of international peace and security,',
  ),
  para(
    'pp3',
    'Recalling the work carried out within the United Nations on developments in the field of information and telecommunications in the context of international security,',
  ),
  para(
    'pp4',
    'Considering that confidence building measures in this field can reduce the risks of misperception and escalation between States,',
  ),
];

const ictRev1Operative = [
  para(
    'op1',
    'The purpose of this Concept Paper is to set out voluntary confidence building measures among the Member States in the security of and in the use of information and communication technologies.',
  ),
  para(
    'op2',
    'Each Member State may designate a point of contact for communication on incidents involving information and communication technologies of concern to other Member States.',
  ),
  para(
    'op3',
    'The Member States will exchange, on a voluntary basis, information on national policies, strategies and legislation in this field.',
  ),
  para(
    'op4',
    'The Member States will hold workshops and training courses to build capacity, in particular for the Member States requesting assistance.',
  ),
  para(
    'op5',
    'The Member States will encourage cooperation between their national computer emergency response teams.',
  ),
  para(
    'op6',
    'The Secretariat will maintain the directory of points of contact and report annually to the Senior Officials Committee on the implementation of this Concept Paper.',
  ),
];

const ictDraft: DemoDraft = {
  key: 'soc-2026-concept-ict',
  type: 'concept-paper',
  title: ICT_TITLE,
  adoptingBodyCode: 'SOC',
  meetingKey: 'soc-2026-12',
  penholder: 'KAZ',
  language: 'en',
  note: `${OPEN_DRAFT_NOTE} A silence procedure is running until 15 December 2026. ${ILLUSTRATIVE_TEXT}`,
  revisions: [
    {
      title: ICT_TITLE,
      authorEmail: delegateEmail('KAZ'),
      createdAt: '2026-10-05T09:00:00.000Z',
      preamble: ictPreamble,
      operative: ictRev1Operative,
    },
    {
      title: ICT_TITLE,
      authorEmail: DEMO_SECRETARIAT,
      createdAt: '2026-11-16T09:00:00.000Z',
      note: 'National legislation clause op7 and review clause op8 added after the second reading.',
      preamble: ictPreamble,
      operative: [
        ...ictRev1Operative,
        para(
          'op7',
          'The measures set out in this Concept Paper are voluntary and will be implemented in accordance with the national legislation of each Member State.',
        ),
        para(
          'op8',
          'The Senior Officials Committee will review the implementation of this Concept Paper two years after its approval.',
        ),
      ],
    },
  ],
  positions: roundOf('2026-11-20T11:00:00.000Z', 360, [
    ['KAZ', CONCUR],
    ['AZE', CONCUR],
    ['UZB', CONCUR],
    [
      'JOR',
      {
        stance: 'reservation',
        text: 'Joins the consensus; its designation of a point of contact under operative paragraph 2 will follow the completion of national procedures.',
        paragraphKeys: ['op2'],
      },
    ],
    ['TJK', CONCUR],
    ['MNG', CONCUR],
    ['THA', CONCUR],
  ]),
  outcome: {
    status: 'UNDER_SOC_REVIEW',
    submittedAt: '2026-10-05T12:00:00.000Z',
    silence: {
      startedAt: '2026-11-20T09:00:00.000Z',
      deadline: '2026-12-15T12:00:00.000Z',
      startedByEmail: DEMO_SOC_CHAIR,
    },
  },
};

const REPORT_TITLE =
  'Доклад Комитета старших должностных лиц Совещанию глав государств и правительств о деятельности СВМДА в 2024–2026 годах';

const reportDraft: DemoDraft = {
  key: 'soc-2026-report-summit',
  type: 'report',
  title: REPORT_TITLE,
  adoptingBodyCode: 'SOC',
  meetingKey: 'soc-2026-12',
  penholder: 'AZE',
  language: 'ru',
  note: `${OPEN_DRAFT_NOTE} Drafted in Russian to show the second working language. ${ILLUSTRATIVE_TEXT}`,
  revisions: [
    {
      title: REPORT_TITLE,
      authorEmail: DEMO_SECRETARIAT,
      createdAt: '2026-11-18T09:00:00.000Z',
      preamble: [
        para('pp1', 'Комитет старших должностных лиц СВМДА,'),
        para(
          'pp2',
          'ссылаясь на решение Шестого саммита СВМДА (Астана, 12–13 октября 2022 года) о начале процесса трансформации СВМДА в полноценную региональную международную организацию,',
        ),
        para(
          'pp3',
          'отмечая преемственность председательства Казахстана (2020–2024 годы) и Азербайджана (2024–2026 годы),',
        ),
        para(
          'pp4',
          'принимая во внимание итоги седьмого заседания Совета министров иностранных дел, состоявшегося 17 декабря 2024 года,',
        ),
      ],
      operative: [
        para(
          'op1',
          'представляет Совещанию глав государств и правительств настоящий доклад о деятельности СВМДА в период председательства Азербайджана;',
        ),
        para(
          'op2',
          'отмечает ход реализации мер доверия во всех измерениях деятельности СВМДА и выполнения Плана действий по мерам доверия;',
        ),
        para(
          'op3',
          'информирует о ходе трансформации СВМДА и об укреплении потенциала Секретариата в Астане;',
        ),
        para(
          'op4',
          'отмечает расширение сотрудничества с государствами-наблюдателями, организациями-наблюдателями и организациями-партнёрами, включая Евразийскую экономическую комиссию;',
        ),
        para(
          'op5',
          'рекомендует Совещанию глав государств и правительств принять настоящий доклад к сведению.',
        ),
      ],
    },
  ],
  positions: [],
  outcome: { status: 'PROPOSED' },
};

export const demoDrafts: DemoDraft[] = [
  statementDraft,
  tourismDraft,
  agricultureDraft,
  actionPlanDraft,
  calendarDraft,
  budgetDraft,
  declarationDraft,
  ictDraft,
  reportDraft,
];
