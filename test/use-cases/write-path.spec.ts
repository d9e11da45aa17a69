import { TransactionRunner } from '../../apps/api/src/application/transaction-runner';
import { AppError } from '../../apps/api/src/common/app-error';
import { DraftQueriesService } from '../../apps/api/src/drafts/draft-queries.service';
import { AddRevisionService } from '../../apps/api/src/drafts/use-cases/add-revision.service';
import { RecordPositionService } from '../../apps/api/src/drafts/use-cases/record-position.service';
import { TransitionDraftService } from '../../apps/api/src/drafts/use-cases/transition-draft.service';
import { type UseCases, etagOf, startUseCases, submittedDraft } from '../support/use-cases';

describe('the transaction helper', () => {
  let useCases: UseCases;
  beforeAll(async () => {
    useCases = await startUseCases();
  });
  afterAll(() => useCases.close());

  const auditCount = async (id: string) =>
    (
      await useCases.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM audit_log WHERE draft_id = $1',
        [id],
      )
    )[0].n;

  it('runs after-commit work once the change is committed, and sees it', async () => {
    const id = await submittedDraft(useCases);
    const secretariat = await useCases.principal('secretariat@demo.local');
    const seen: string[] = [];
    await useCases
      .get(TransactionRunner)
      .onDraft(
        secretariat,
        id,
        { ifMatch: await etagOf(useCases, id), required: true },
        async (uow) => {
          await uow.audit('test.noted', {});
          uow.afterCommit(async () => {
            const [row] = await useCases.dataSource.query<{ n: number }[]>(
              `SELECT count(*)::int AS n FROM audit_log WHERE draft_id = $1 AND action = 'test.noted'`,
              [id],
            );
            seen.push(`committed ${row.n}`);
          });
          seen.push('in transaction');
        },
      );
    expect(seen).toEqual(['in transaction', 'committed 1']);
  });

  it('drops queued work and every write when the use case fails', async () => {
    const id = await submittedDraft(useCases);
    const secretariat = await useCases.principal('secretariat@demo.local');
    const before = await auditCount(id);
    const etag = await etagOf(useCases, id);
    let ran = false;
    await expect(
      useCases
        .get(TransactionRunner)
        .onDraft(secretariat, id, { ifMatch: etag, required: true }, async (uow) => {
          await uow.audit('test.noted', {});
          await uow.textOrStatusChanged();
          uow.afterCommit(() => {
            ran = true;
          });
          throw new Error('refused halfway');
        }),
    ).rejects.toThrow('refused halfway');
    expect(ran).toBe(false);
    expect(await auditCount(id)).toBe(before);
    expect(await etagOf(useCases, id)).toBe(etag);
  });

  it('moves the ETag once per change, and never for a position', async () => {
    const id = await submittedDraft(useCases);
    const queries = useCases.get(DraftQueriesService);
    const secretariat = await useCases.principal('secretariat@demo.local');
    const start = await queries.get(secretariat, id);
    const kaz = await useCases.principal('delegate.kaz@demo.local');
    const recorded = await useCases
      .get(RecordPositionService)
      .execute(kaz, id, 'KAZ', { stance: 'concur' }, start.etag);
    expect(recorded.etag).toBe(start.etag);
    const revised = await useCases
      .get(AddRevisionService)
      .execute(secretariat, id, { preamble: [], operative: [{ text: 'New text.' }] }, start.etag);
    expect(revised.version).toBe(start.version + 1);
    // The position was on revision 1: a position naming it now is refused, not counted.
    await expect(
      useCases
        .get(RecordPositionService)
        .execute(kaz, id, 'KAZ', { stance: 'concur', revision: 1 }, undefined),
    ).rejects.toMatchObject({ code: 'REVISION_SUPERSEDED', status: 409 });
    // A stale tag is refused with the catalogue's status, nothing written.
    const stale = useCases
      .get(TransitionDraftService)
      .execute(secretariat, id, { action: 'withdraw' }, start.etag);
    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({ code: 'STALE_VERSION', status: 412 });
    expect((await queries.get(secretariat, id)).status).toBe('UNDER_SOC_REVIEW');
  });
});
