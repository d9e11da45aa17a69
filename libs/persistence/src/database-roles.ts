import type { DataSource } from 'typeorm';
import { JOB_QUEUE_SCHEMA } from './job-queue-schema';

/** Tables the service may read and append to, never change: the audit log and its checkpoints. */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_checkpoints'] as const;

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Run by the owner after the migrations: the service role may read and write the data, but
 * only read and append to the audit log, and may not touch the migration history. Since it
 * owns nothing, it can neither switch the audit triggers off nor drop them.
 */
export async function applyServiceGrants(owner: DataSource, serviceRole: string): Promise<void> {
  const role = quoteIdentifier(serviceRole);
  await owner.transaction(async (manager) => {
    await manager.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await manager.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    );
    await manager.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await manager.query(
      `REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY_TABLES.join(', ')} FROM ${role}`,
    );
    await manager.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM ${role}`);
    // The job queue: pg-boss's workers read and write its tables and call its functions; the
    // owner installs and migrates it (the migrations), the service never alters it.
    await manager.query(`GRANT USAGE ON SCHEMA ${JOB_QUEUE_SCHEMA} TO ${role}`);
    await manager.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${role}`,
    );
    await manager.query(
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${role}`,
    );
    await manager.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${role}`);
  });
}

export interface AuditProtection {
  /** True when the role serving requests cannot rewrite the audit log. */
  protected: boolean;
  role: string;
  reason?: string;
}

/** Whether the connected (serving) role could rewrite the audit log: said at start-up. */
export async function auditProtection(service: DataSource): Promise<AuditProtection> {
  const [row] = await service.query<
    { role: string; superuser: boolean; owner: boolean; can_update: boolean }[]
  >(
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'USAGE') AS owner,
            has_table_privilege('audit_log', 'UPDATE') OR has_table_privilege('audit_log', 'DELETE')
              OR has_table_privilege('audit_log', 'TRUNCATE') AS can_update`,
  );
  if (row.superuser) return { protected: false, role: row.role, reason: 'it is a superuser' };
  if (row.owner) return { protected: false, role: row.role, reason: 'it owns the audit log' };
  if (row.can_update)
    return { protected: false, role: row.role, reason: 'it may update or delete audit entries' };
  return { protected: true, role: row.role };
}
