import { Inject, Injectable } from '@nestjs/common';
import { type Actor, OPEN_STATUSES } from '@chancery/domain';
import {
  type DraftListFilter,
  DraftRepository,
  type DraftSnapshot,
  verifyAuditChain,
} from '@chancery/persistence';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../application/clock';
import { TransactionRunner } from '../application/transaction-runner';
import { notFound } from '../common/app-error';
import {
  auditEntryView,
  consensusView,
  draftSummary,
  draftView,
  matrixView,
  revisionView,
} from './draft-views';

/**
 * The drafts' reads. Each request reads in one read-only transaction, so that a draft's row,
 * text, positions and silence procedure are of one moment (its snapshot).
 */
@Injectable()
export class DraftQueriesService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The snapshot of a draft in the caller's transaction; 404 if there is none. */
  async snapshot(manager: EntityManager, id: string): Promise<DraftSnapshot> {
    const snapshot = await this.drafts.snapshot(manager, id);
    if (!snapshot) throw notFound('Draft', id, 'id');
    return snapshot;
  }

  /** The draft as GET answers it, read in the caller's transaction (a write's answer). */
  async viewIn(manager: EntityManager, actor: Actor, id: string) {
    return draftView(await this.snapshot(manager, id), actor, this.clock.now());
  }

  list(filter: DraftListFilter) {
    return this.transactions.read(async (manager) =>
      (await this.drafts.list(manager, filter)).map(draftSummary),
    );
  }

  get(actor: Actor, id: string) {
    return this.transactions.read((manager) => this.viewIn(manager, actor, id));
  }

  revisions(id: string) {
    return this.transactions.read(async (manager) => {
      const row = await this.drafts.find(manager, id);
      if (!row) throw notFound('Draft', id, 'id');
      const revisions = await this.drafts.revisions(manager, id);
      return revisions.map((revision) => revisionView(row, revision));
    });
  }

  revision(id: string, number: number) {
    return this.transactions.read(async (manager) => {
      const row = await this.drafts.find(manager, id);
      if (!row) throw notFound('Draft', id, 'id');
      const revision = await this.drafts.revision(manager, id, number);
      if (!revision) throw notFound(`Revision of ${row.symbol}`, String(number), 'n');
      return revisionView(row, revision);
    });
  }

  consensus(id: string) {
    return this.transactions.read(async (manager) =>
      consensusView(await this.snapshot(manager, id), this.clock.now()),
    );
  }

  /**
   * The admin's matrix: every open draft × every member state active today. Two queries
   * whatever the number of drafts (one for the drafts, one for their standing positions).
   */
  matrix() {
    return this.transactions.read(async (manager) => {
      const members = await this.drafts.memberStates(manager);
      const rows = await this.drafts.matrix(manager, OPEN_STATUSES);
      return matrixView(members, rows, this.clock.now());
    });
  }

  audit(id: string) {
    return this.transactions.read(async (manager) => {
      if (!(await this.drafts.find(manager, id))) throw notFound('Draft', id, 'id');
      return (await this.drafts.audit(manager, id)).map(auditEntryView);
    });
  }

  verifyAudit() {
    return this.transactions.read((manager) => verifyAuditChain(manager));
  }
}
