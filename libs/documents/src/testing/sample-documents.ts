// Data for tests and the benchmark: a draft of the 7th CFM of CICA (the demo forum) as it is
// negotiated (outcome document, redline, amendments, consensus report), in both languages.
// Factories take overrides so a test states only what it is about; the meeting and the header
// are in meeting-samples.

import type {
  CompilationData,
  ConsensusReportData,
  OutcomeDocumentData,
  RedlineData,
} from '../document-data';
import type { DocumentLanguage } from '../document-kind';
import { sampleHeader } from './meeting-samples';

export const PREAMBLE_EN = [
  'Recalling the Declaration on Principles Guiding Relations among the CICA Member States of 14 September 1999,',
  'Reaffirming our commitment to the purposes and principles of the Charter of the United Nations,',
  'Bearing in mind that dialogue and confidence building measures strengthen security in Asia,',
];
export const OPERATIVE_EN = [
  'Reaffirm the continued relevance of the principles set out in the 1999 Declaration;',
  'Welcome the transfer of the chairmanship from the Republic of Kazakhstan to the Republic of Azerbaijan for 2024–2026;',
  'Agree that the Secretariat shall prepare a report on [the implementation of confidence building measures] by 2026;',
];

export function sampleOutcome(
  language: DocumentLanguage = 'en',
  overrides: Partial<OutcomeDocumentData> = {},
): OutcomeDocumentData {
  const ru = language === 'ru';
  return {
    header: sampleHeader(language),
    draft: {
      symbol: 'CICA/CFM/7/DOC.1',
      type: 'statement',
      title: ru ? 'Заявление СМИД' : 'Statement of the Council of Ministers',
      status: 'UNDER_SOC_REVIEW',
      penholder: ru ? 'Азербайджан' : 'Azerbaijan',
    },
    revision: {
      number: 3,
      date: '2024-12-10',
      title: ru
        ? 'Заявление Совета министров иностранных дел по случаю 25-летия Декларации о принципах 1999 года'
        : 'Statement of the Council of Ministers of Foreign Affairs on the 25th anniversary of the 1999 Declaration of Principles',
      preamble: (ru
        ? [
            'Ссылаясь на Декларацию о принципах, регулирующих отношения между государствами — членами СВМДА, от 14 сентября 1999 года,',
            'Принимая во внимание, что диалог и меры доверия укрепляют безопасность в Азии,',
          ]
        : PREAMBLE_EN
      ).map((text, index) => ({ id: `pp-${index + 1}`, text })),
      operative: (ru
        ? [
            'Подтверждаем неизменную актуальность принципов Декларации 1999 года;',
            'Приветствуем передачу председательства от Республики Казахстан Азербайджанской Республике на 2024–2026 годы;',
          ]
        : OPERATIVE_EN
      ).map((text, index) => ({ id: `op-${index + 1}`, text })),
    },
    adoption: null,
    ...overrides,
  };
}

/** An outcome document of any size, for the benchmark. */
export function largeOutcome(operativeParagraphs: number): OutcomeDocumentData {
  const base = sampleOutcome('en');
  return {
    ...base,
    revision: {
      ...base.revision,
      preamble: Array.from(
        { length: Math.max(1, Math.round(operativeParagraphs / 10)) },
        (_, index) => ({ id: `pp-${index + 1}`, text: PREAMBLE_EN[index % PREAMBLE_EN.length] }),
      ),
      operative: Array.from({ length: operativeParagraphs }, (_, index) => ({
        id: `op-${index + 1}`,
        text: OPERATIVE_EN[index % OPERATIVE_EN.length],
      })),
    },
  };
}

export function sampleRedline(language: DocumentLanguage = 'en'): RedlineData {
  return {
    header: sampleHeader(language, { symbol: 'CICA/CFM/7/DOC.1/Rev.3' }),
    draft: { symbol: 'CICA/CFM/7/DOC.1', title: 'Statement of the Council of Ministers' },
    from: {
      number: 2,
      author: 'Kazakhstan',
      date: '2024-12-01',
      title: 'Statement of the Council',
      preamble: [
        { id: 'pp-1', text: 'Recalling the Declaration of 1999,' },
        { id: 'pp-2', text: 'Noting the growing role of the Conference,' },
      ],
      operative: [
        { id: 'op-1', text: 'The Secretariat shall prepare a report by 2026;' },
        { id: 'op-2', text: 'Member States will exchange views annually;' },
        { id: 'op-3', text: 'This paragraph is withdrawn in the next revision;' },
      ],
    },
    to: {
      number: 3,
      author: 'Azerbaijan',
      date: '2024-12-10T09:30:00Z',
      title: 'Statement of the Council of Ministers',
      preamble: [
        { id: 'pp-1', text: 'Recalling the Declaration of 1999,' },
        { id: 'pp-2', text: 'Noting the growing role of the Conference,' },
      ],
      operative: [
        { id: 'op-1', text: 'The Secretariat should prepare a report by 2026;' },
        { id: 'op-4', text: 'A newly proposed paragraph on youth exchanges;' },
        { id: 'op-2', text: 'Member States will exchange views annually;' },
      ],
    },
  };
}

export function sampleConsensusReport(language: DocumentLanguage = 'en'): ConsensusReportData {
  const ru = language === 'ru';
  return {
    header: sampleHeader(language, { symbol: 'CICA/SOC/2024/INF.3', draft: false }),
    generatedAt: '2024-12-12T15:45:00Z',
    drafts: [
      {
        symbol: 'CICA/CFM/7/DOC.1',
        title: ru ? 'Проект заявления СМИД' : 'Draft statement of the Council of Ministers',
        version: 'original',
        status: 'UNDER_SOC_REVIEW',
        revision: 3,
        consensus: null,
        silence: { deadline: '2024-12-14T12:00:00Z', status: 'running' },
        counts: { concur: 1, reservation: 1, objection: 1, none: 1 },
        amendmentRounds: [
          {
            revision: 3,
            accepted: [ru ? '1 (Казахстан)' : '1 (Kazakhstan)'],
            bracketed: [ru ? '2 (Индия)' : '2 (India)'],
            notRetained: [],
            withdrawn: [ru ? '3 (Таджикистан)' : '3 (Tajikistan)'],
          },
        ],
        positions: [
          {
            stateCode: 'AZE',
            stateName: ru ? 'Азербайджан' : 'Azerbaijan',
            stance: 'concur',
            text: null,
            paragraphs: [],
            recordedAt: '2024-12-11T10:00:00Z',
            onBehalf: false,
          },
          {
            stateCode: 'KAZ',
            stateName: ru ? 'Казахстан' : 'Kazakhstan',
            stance: 'reservation',
            text: ru
              ? 'Понимаем пункт 3 как не создающий новых финансовых обязательств.'
              : 'We understand OP 3 as creating no new financial obligations.',
            paragraphs: ['OP 3'],
            recordedAt: '2024-12-11T11:30:00Z',
            onBehalf: true,
          },
          {
            stateCode: 'TJK',
            stateName: ru ? 'Таджикистан' : 'Tajikistan',
            stance: 'objection',
            text: ru
              ? 'Просим исключить слова в скобках в пункте 3 преамбулы.'
              : 'We ask that the bracketed words in PP 3 be deleted.',
            paragraphs: ['PP 3', 'OP 2'],
            recordedAt: '2024-12-12T09:00:00Z',
            onBehalf: false,
          },
          {
            stateCode: 'KWT',
            stateName: ru ? 'Кувейт' : 'Kuwait',
            stance: 'none',
            text: null,
            paragraphs: [],
            recordedAt: null,
            onBehalf: false,
          },
        ],
      },
    ],
  };
}

/** A revision with four amendments from three states: two on the same operative paragraph. */
export function sampleCompilation(language: DocumentLanguage = 'en'): CompilationData {
  const ru = language === 'ru';
  const name = (en: string, russian: string) => (ru ? russian : en);
  return {
    header: sampleHeader(language, { symbol: 'CICA/CFM/7/DOC.1/Rev.2' }),
    draft: { symbol: 'CICA/CFM/7/DOC.1', title: 'Statement of the Council of Ministers' },
    revision: {
      number: 2,
      date: '2024-12-01',
      title: 'Statement of the Council of Ministers',
      preamble: [{ id: 'pp-1', text: 'Recalling the Declaration of 1999,' }],
      operative: [
        { id: 'op-1', text: 'The Secretariat shall prepare a report by 2026;' },
        { id: 'op-2', text: 'Member States will exchange views annually;' },
        { id: 'op-3', text: 'This paragraph is proposed for deletion;' },
      ],
    },
    amendments: [
      {
        id: 'a-1',
        number: 1,
        stateCode: 'KAZ',
        stateName: name('Kazakhstan', 'Казахстан'),
        sponsors: [name('Azerbaijan', 'Азербайджан')],
        note: 'Softer wording, as in the 2022 Action Plan.',
        status: 'proposed',
        onBehalf: false,
        createdAt: '2024-12-05T10:00:00.000Z',
        changes: [
          { paragraphId: 'op-1', text: 'The Secretariat should prepare a report by 2026;' },
        ],
      },
      {
        id: 'a-2',
        number: 2,
        stateCode: 'IND',
        stateName: name('India', 'Индия'),
        sponsors: [],
        note: null,
        status: 'proposed',
        onBehalf: true,
        createdAt: '2024-12-06T11:30:00.000Z',
        changes: [
          { paragraphId: 'op-1', text: 'The Secretariat shall prepare a report by 2025;' },
          { paragraphId: 'op-3', delete: true },
        ],
      },
      {
        id: 'a-3',
        number: 3,
        stateCode: 'ARM',
        stateName: name('Armenia', 'Армения'),
        sponsors: [],
        note: null,
        status: 'withdrawn',
        onBehalf: false,
        createdAt: '2024-12-07T08:00:00.000Z',
        changes: [{ after: 'op-2', text: 'Youth exchanges shall be encouraged;' }],
      },
    ],
  };
}

/** A compilation of `states` × `perState` amendments on a draft of `paragraphs` paragraphs. */
export function largeCompilation(
  paragraphs: number,
  states: number,
  perState: number,
): CompilationData {
  const operative = paragraphs - Math.max(1, Math.round(paragraphs / 12));
  const outcome = largeOutcome(operative);
  const revision = {
    ...outcome.revision,
    preamble: outcome.revision.preamble.slice(0, paragraphs - operative),
  };
  const all = [...revision.preamble, ...revision.operative];
  const amendments: CompilationData['amendments'] = [];
  for (let state = 0; state < states; state++) {
    for (let k = 0; k < perState; k++) {
      const number = amendments.length + 1;
      const target = all[(state * 7 + k * 13) % all.length];
      const kind = number % 5;
      amendments.push({
        id: `a-${number}`,
        number,
        stateCode: `S${state}`,
        stateName: `Member State ${state + 1}`,
        sponsors: state % 3 === 0 ? [`Member State ${((state + 1) % states) + 1}`] : [],
        note: k === 0 ? 'Proposed in the informal consultations.' : null,
        status: 'proposed',
        onBehalf: false,
        createdAt: '2024-12-05T10:00:00.000Z',
        changes: [
          kind === 3
            ? { after: target.id, text: 'A new paragraph proposed by this delegation;' }
            : kind === 4
              ? { paragraphId: target.id, delete: true }
              : { paragraphId: target.id, text: `${target.text.replace(/;$/, '')} in full;` },
        ],
      });
    }
  }
  return {
    header: outcome.header,
    draft: { symbol: outcome.draft.symbol, title: outcome.draft.title },
    revision,
    amendments,
  };
}
