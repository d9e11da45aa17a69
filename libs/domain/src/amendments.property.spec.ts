// Random revisions, random amendments proposed by random delegations, random dispositions: the
// next revision keeps paragraph ids and loses no text that was not deliberately replaced.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { changeAnchor, decideProposal, type AmendmentChangeInput } from './amendments';
import { applyDisposition, type AmendmentRecord } from './disposition';
import { findOpenBrackets, type RevisionContent } from './revision';
import { delegateOf, draft, member, NOW, SECRETARIAT } from './test-factories';

const STATES = ['ARM', 'AZE', 'IND', 'KAZ', 'KWT'];
const WORDS = ['Decide', 'to', 'welcome', 'the', 'dialogue', 'on', 'cooperation', 'and', 'peace'];

const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 })
  .map((words) => `${words.join(' ')}.`);

const revisionArb: fc.Arbitrary<RevisionContent> = fc
  .tuple(
    fc.array(sentence, { minLength: 0, maxLength: 4 }),
    fc.array(sentence, { minLength: 1, maxLength: 6 }),
  )
  .map(([preamble, operative]) => ({
    title: 'Statement',
    preamble: preamble.map((text, i) => ({ id: `pp${i + 1}`, text })),
    operative: operative.map((text, i) => ({ id: `op${i + 1}`, text })),
  }));

/** A change on the n-th paragraph (modulo the revision's size), of a random kind. */
const changeArb = fc.record({
  target: fc.nat({ max: 20 }),
  kind: fc.constantFrom('replace', 'insert', 'delete'),
  text: sentence,
});
const amendmentArb = fc.record({
  state: fc.nat({ max: STATES.length - 1 }),
  bySecretariat: fc.boolean(),
  changes: fc.array(changeArb, { minLength: 1, maxLength: 3 }),
  fate: fc.constantFrom('accept', 'bracket', 'ignore', 'withdraw'),
});

describe('amendments and their disposition under random rounds', () => {
  it('keeps every surviving paragraph id in order, gives inserted ones fresh ids, and loses no text except what an accepted amendment replaced', () => {
    let applied = 0;
    let conflicts = 0;
    fc.assert(
      fc.property(revisionArb, fc.array(amendmentArb, { maxLength: 8 }), (revision, drafts) => {
        const paragraphs = [...revision.preamble, ...revision.operative];
        const amendments: AmendmentRecord[] = [];
        const accepted: string[] = [];
        const bracketed: string[] = [];
        for (const generated of drafts) {
          const stateCode = STATES[generated.state];
          const changes: AmendmentChangeInput[] = generated.changes.map(
            ({ target, kind, text }) => {
              const id = paragraphs[target % paragraphs.length].id;
              if (kind === 'insert') return { after: id, text };
              return kind === 'delete'
                ? { paragraphId: id, delete: true }
                : { paragraphId: id, text };
            },
          );
          const decision = decideProposal({
            draft: draft(),
            actor: generated.bySecretariat ? SECRETARIAT : delegateOf(stateCode),
            stateCode,
            member: member(stateCode),
            revision: 1,
            content: revision,
            input: { changes },
            now: NOW,
          });
          // Repeated targets and unchanged texts are refused at proposal; the rest go on record.
          if (!decision.ok) {
            assert.ok(['DUPLICATE_PARAGRAPH', 'INVALID_CHANGE'].includes(decision.error.code));
            continue;
          }
          assert.equal(decision.value.onBehalf, generated.bySecretariat);
          const id = `a${amendments.length + 1}`;
          amendments.push({
            id,
            number: amendments.length + 1,
            stateCode,
            status: generated.fate === 'withdraw' ? 'withdrawn' : 'proposed',
            changes: decision.value.changes,
          });
          if (generated.fate === 'accept') accepted.push(id);
          if (generated.fate === 'bracket') bracketed.push(id);
        }

        let next = 0;
        const result = applyDisposition(revision, amendments, { accepted, bracketed }, () => {
          next += 1;
          return `n${next}`;
        });
        const disposed = amendments.filter((a) => [...accepted, ...bracketed].includes(a.id));
        const touches = (a: AmendmentRecord, id: string) =>
          a.changes.some((c) => !('after' in c) && c.paragraphId === id);
        const contested = paragraphs.some(
          (p) =>
            disposed.filter((a) => touches(a, p.id)).length > 1 &&
            disposed.some((a) => accepted.includes(a.id) && touches(a, p.id)),
        );
        if (!result.ok) {
          assert.equal(result.error.code, 'CONFLICTING_AMENDMENTS');
          assert.ok(contested, 'refused only when an accepted amendment shares a paragraph');
          const named = (result.error.facts.amendments as { id: string }[]).map((a) => a.id);
          assert.ok(named.length >= 2);
          conflicts += 1;
          return;
        }
        assert.ok(!contested, 'every contested paragraph is refused');
        applied += 1;
        const out = result.value.content;
        const acceptedChanges = amendments
          .filter((a) => accepted.includes(a.id))
          .flatMap((a) => a.changes);
        const replacedOrDeleted = new Set(
          acceptedChanges.filter((c) => !('after' in c)).map(changeAnchor),
        );

        for (const part of ['preamble', 'operative'] as const) {
          const before = revision[part].map((p) => p.id);
          const after = out[part].map((p) => p.id);
          // Surviving ids in the same part and order; every other id is fresh.
          const kept = after.filter((id) => before.includes(id));
          assert.deepEqual(
            kept,
            before.filter(
              (id) => !acceptedChanges.some((c) => 'delete' in c && c.paragraphId === id),
            ),
          );
          for (const id of after.filter((id) => !before.includes(id))) assert.match(id, /^n\d+$/);
          for (const paragraph of revision[part]) {
            const now = out[part].find((p) => p.id === paragraph.id);
            if (!replacedOrDeleted.has(paragraph.id)) {
              assert.ok(now?.text.includes(paragraph.text), 'an untouched or bracketed text stays');
            }
          }
        }
        const allText = [...out.preamble, ...out.operative].map((p) => p.text).join('\n');
        for (const amendment of amendments) {
          const how = accepted.includes(amendment.id)
            ? 'accepted'
            : bracketed.includes(amendment.id)
              ? 'bracketed'
              : null;
          if (how === null) continue;
          for (const change of amendment.changes)
            if ('text' in change) assert.ok(allText.includes(change.text), 'its wording enters');
        }
        assert.equal(
          new Set([...out.preamble, ...out.operative].map((p) => p.id)).size,
          out.preamble.length + out.operative.length,
        );
        // Brackets enter exactly when something was bracketed: consensus waits for them.
        assert.equal(findOpenBrackets(out).length > 0, bracketed.length > 0);
        assert.deepEqual(
          result.value.outcomes.map((o) => o.amendmentId),
          amendments.map((a) => a.id),
        );
      }),
      { numRuns: 500 },
    );
    expect(applied).toBeGreaterThan(50);
    expect(conflicts).toBeGreaterThan(10);
  });
});
