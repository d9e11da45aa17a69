import { AppError } from '../../apps/api/src/common/app-error';
import { DraftQueriesService } from '../../apps/api/src/drafts/draft-queries.service';
import { AddRevisionService } from '../../apps/api/src/drafts/use-cases/add-revision.service';
import { RecordPositionService } from '../../apps/api/src/drafts/use-cases/record-position.service';
import { type UseCases, startUseCases, submittedDraft } from '../support/use-cases';

const REVISIONS = 20;

describe('positions never starve a revision', () => {
  let useCases: UseCases;
  beforeAll(async () => {
    useCases = await startUseCases({ poolSize: 12 });
  });
  afterAll(() => useCases.close());

  // Slow by nature (about a thousand positions go in meanwhile): hence its own timeout.
  it('lands each of 20 revisions on its first or second try while 28 delegations keep answering', async () => {
    const id = await submittedDraft(useCases);
    const queries = useCases.get(DraftQueriesService);
    const members = await useCases.dataSource.query<{ code: string }[]>(
      `SELECT code FROM participants WHERE kind = 'member-state' ORDER BY code`,
    );
    expect(members).toHaveLength(28);
    const delegates = await Promise.all(
      members.map(({ code }) => useCases.principal(`delegate.${code.toLowerCase()}@demo.local`)),
    );
    const secretariat = await useCases.principal('secretariat@demo.local');

    let revising = true;
    let positions = 0;
    const answering = delegates.map(async (delegate, i) => {
      const stances = ['concur', 'reservation', 'objection'] as const;
      for (let round = 0; revising; round += 1) {
        const stance = stances[(i + round) % 3];
        await useCases
          .get(RecordPositionService)
          .execute(
            delegate,
            id,
            members[i].code,
            { stance, ...(stance === 'concur' ? {} : { text: `Round ${round}.` }) },
            undefined,
          );
        positions += 1;
      }
    });

    const tries: number[] = [];
    try {
      for (let n = 0; n < REVISIONS; n += 1) {
        for (let attempt = 1; ; attempt += 1) {
          const read = await queries.get(secretariat, id);
          try {
            await useCases.get(AddRevisionService).execute(
              secretariat,
              id,
              {
                preamble: read.revision!.preamble,
                operative: [...read.revision!.operative, { text: `Paragraph ${n}.` }],
              },
              read.etag,
            );
            tries.push(attempt);
            break;
          } catch (error) {
            if (!(error instanceof AppError) || error.code !== 'STALE_VERSION' || attempt >= 5)
              throw error;
          }
        }
      }
    } finally {
      revising = false;
      await Promise.all(answering);
    }
    expect(tries).toHaveLength(REVISIONS);
    expect(Math.max(...tries)).toBeLessThanOrEqual(2);
    // The delegations did keep writing throughout.
    expect(positions).toBeGreaterThan(REVISIONS);
    const final = await queries.get(secretariat, id);
    expect(final.currentRevision).toBe(REVISIONS + 1);
  }, 120_000);
});
