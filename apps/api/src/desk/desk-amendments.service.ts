import { Inject, Injectable } from '@nestjs/common';
import {
  type AmendmentChange,
  type DispositionInput,
  type Paragraph,
  amendmentsOpen,
  changeAnchor,
  changeKind,
  decideRevision,
  hasRole,
} from '@chancery/domain';
import { type DraftRow, draftFacts, AmendmentRepository } from '@chancery/persistence';
import type { EntityManager } from 'typeorm';
import {
  type AmendmentView,
  AmendmentsService,
  amendmentView,
} from '../amendments/amendments.service';
import type { Principal } from '../auth/principal';
import { ReferenceService } from '../reference/reference.service';
import { formatInstant } from './desk-labels';
import { bracketSegments, paragraphLabel, paragraphLabels } from './draft-view';
import type { Translator } from './i18n/desk-i18n';

export type Choice = 'accept' | 'bracket' | 'drop';

const statusWord = (status: AmendmentView['status'], t: Translator) =>
  t.t(`amendment.status.${status}`);

const kindWord = (kind: 'replace' | 'insert' | 'delete', t: Translator) =>
  t.t(`amendment.kind.${kind}`);

interface TextLike {
  number: number;
  preamble: Paragraph[];
  operative: Paragraph[];
}

/**
 * The desk's amendment views: the list under the draft, the proposal form and the chair's
 * disposition with its preview. The services decide when a form is sent.
 */
@Injectable()
export class DeskAmendmentsService {
  constructor(
    @Inject(AmendmentsService) private readonly amendments: AmendmentsService,
    @Inject(AmendmentRepository) private readonly rows: AmendmentRepository,
    @Inject(ReferenceService) private readonly reference: ReferenceService,
  ) {}

  /** The amendments to the current revision, paragraph by paragraph, and what this official may do. */
  async panel(
    manager: EntityManager,
    principal: Principal,
    row: DraftRow,
    current: TextLike | null,
    t: Translator,
  ) {
    const draftId = row.id;
    const facts = draftFacts(row);
    const all = (await this.rows.list(manager, draftId)).map(amendmentView);
    const list = current ? all.filter((a) => a.revision === current.number) : [];
    const mayPropose =
      current !== null &&
      amendmentsOpen(facts) &&
      (hasRole(principal, 'secretariat') ||
        (hasRole(principal, 'delegate') && principal.stateCode !== null));
    const mayDispose =
      list.some((a) => a.status === 'proposed') &&
      decideRevision({ draft: facts, actor: principal, disposing: true }).ok;
    return {
      revision: current?.number ?? 0,
      count: list.length,
      paragraphs: current ? this.byParagraph(principal, draftId, current, list, t) : [],
      proposeHref: mayPropose ? `/desk/drafts/${draftId}/amendments/new` : null,
      disposeHref: mayDispose ? `/desk/drafts/${draftId}/disposition` : null,
      history: dispositionHistory(all, t),
      compilationHref: current
        ? `/desk/drafts/${draftId}/documents/compilation.docx?revision=${current.number}`
        : null,
    };
  }

  /** The proposal form: which state (a delegate's own; the secretariat chooses), which paragraph. */
  async proposalForm(
    principal: Principal,
    draftId: string,
    current: TextLike & { symbol: string },
    t: Translator,
  ) {
    const states = hasRole(principal, 'secretariat')
      ? (await this.reference.participants('member-state')).map((p) => ({
          value: p.code,
          label: `${p.name} (${p.code})`,
        }))
      : [];
    const labels = paragraphLabels(current, t);
    return {
      draft: { id: draftId, symbol: current.symbol, href: `/desk/drafts/${draftId}` },
      revision: current.number,
      ownState: hasRole(principal, 'secretariat') ? null : principal.stateCode,
      states,
      paragraphs: [...current.preamble, ...current.operative].map((p) => ({
        value: p.id,
        label: `${labels.get(p.id)}: ${p.text.length > 70 ? `${p.text.slice(0, 69)}…` : p.text}`,
      })),
      kinds: [
        { value: 'replace', label: t.t('amend.kind.replace'), checked: true },
        { value: 'insert', label: t.t('amend.kind.insert'), checked: false },
        { value: 'delete', label: t.t('amend.kind.delete'), checked: false },
      ],
    };
  }

  /**
   * The disposition form: every open amendment with the chair's choice, and, when asked, the
   * text it produces (or why it cannot be produced).
   */
  async dispositionForm(
    draftId: string,
    current: TextLike & { symbol: string; etag: string },
    choices: ReadonlyMap<string, Choice>,
    preview: boolean,
    t: Translator,
  ) {
    const list = (await this.amendments.list(draftId, current.number)).filter(
      (a) => a.status === 'proposed',
    );
    const labels = paragraphLabels(current, t);
    const texts = new Map([...current.preamble, ...current.operative].map((p) => [p.id, p.text]));
    const disposition = toDisposition(choices);
    let result: { preamble: Paragraph[]; operative: Paragraph[] } | null = null;
    if (preview) result = (await this.amendments.preview(draftId, disposition)).content;
    return {
      draft: { id: draftId, symbol: current.symbol, href: `/desk/drafts/${draftId}` },
      etag: current.etag,
      next: current.number + 1,
      amendments: list.map((a) => {
        const choice = choices.get(a.id) ?? 'drop';
        return {
          id: a.id,
          number: a.number,
          state: `${a.stateName} (${a.stateCode})`,
          sponsors: a.sponsors.join(', '),
          changes: a.changes.map((c) => this.changeView(c, labels, texts, t)),
          options: (['accept', 'bracket', 'drop'] as const).map((value) => ({
            value,
            label: t.t(`dispose.option.${value}`),
            checked: value === choice,
          })),
        };
      }),
      preview: result
        ? {
            preamble: result.preamble.map((p, i) => ({
              label: paragraphLabel('PP', i + 1, t),
              segments: bracketSegments(p.text),
              isNew: !texts.has(p.id),
            })),
            operative: result.operative.map((p, i) => ({
              label: paragraphLabel('OP', i + 1, t),
              segments: bracketSegments(p.text),
              isNew: !texts.has(p.id),
            })),
          }
        : null,
      choices: [...choices].map(([id, choice]) => ({ name: `a-${id}`, value: choice })),
    };
  }

  private byParagraph(
    principal: Principal,
    draftId: string,
    current: TextLike,
    list: AmendmentView[],
    t: Translator,
  ) {
    const labels = paragraphLabels(current, t);
    const texts = new Map([...current.preamble, ...current.operative].map((p) => [p.id, p.text]));
    return [...current.preamble, ...current.operative].flatMap((paragraph) => {
      const items = list.flatMap((amendment) =>
        amendment.changes
          .filter((change) => changeAnchor(change) === paragraph.id)
          .map((change) => ({
            number: amendment.number,
            state: `${amendment.stateName} (${amendment.stateCode})`,
            own: principal.stateCode === amendment.stateCode,
            onBehalf: amendment.onBehalf,
            sponsors: amendment.sponsors.join(', '),
            note: amendment.note,
            status: amendment.status,
            statusWord: statusWord(amendment.status, t),
            createdAt: formatInstant(amendment.createdAt, t),
            ...this.changeView(change, labels, texts, t),
            withdrawAction:
              amendment.status === 'proposed' &&
              (principal.stateCode === amendment.stateCode || hasRole(principal, 'secretariat'))
                ? `/desk/drafts/${draftId}/amendments/${amendment.id}/withdraw`
                : null,
          })),
      );
      return items.length === 0
        ? []
        : [{ id: paragraph.id, label: labels.get(paragraph.id), items }];
    });
  }

  private changeView(
    change: AmendmentChange,
    labels: ReadonlyMap<string, string>,
    texts: ReadonlyMap<string, string>,
    t: Translator,
  ) {
    const kind = changeKind(change);
    const anchor = changeAnchor(change);
    return {
      kind,
      kindWord: kindWord(kind, t),
      paragraph: labels.get(anchor) ?? anchor,
      text: 'text' in change ? change.text : (texts.get(anchor) ?? ''),
    };
  }
}

export function toDisposition(choices: ReadonlyMap<string, Choice>): Required<DispositionInput> {
  const pick = (wanted: Choice) => [...choices].filter(([, c]) => c === wanted).map(([id]) => id);
  return { accepted: pick('accept'), bracketed: pick('bracket') };
}

/**
 * Per revision, what it made of the amendments to the one before: "Accepted: 1 (KAZ);
 * Bracketed: 2 (IND); Not retained: 3 (TJK); Withdrawn: 4 (AZE)".
 */
export function dispositionHistory(
  all: readonly AmendmentView[],
  t: Translator,
): Map<number, string> {
  const byRevision = new Map<number, AmendmentView[]>();
  for (const amendment of all) {
    if (!amendment.outcome) continue;
    const list = byRevision.get(amendment.outcome.revision) ?? [];
    list.push(amendment);
    byRevision.set(amendment.outcome.revision, list);
  }
  const history = new Map<number, string>();
  for (const [revision, list] of byRevision) {
    const parts = (['accepted', 'bracketed', 'not-retained', 'withdrawn'] as const).flatMap(
      (outcome) => {
        const named = list
          .filter((a) => a.outcome?.outcome === outcome)
          .map((a) => `${a.number} (${a.stateCode})`);
        return named.length === 0
          ? []
          : [t.t('amendment.outcome', { outcome: statusWord(outcome, t), list: named.join(', ') })];
      },
    );
    history.set(revision, parts.join('; '));
  }
  return history;
}
