import type { Queue } from 'pg-boss';
import type { AppConfig } from '../config/config';

/**
 * A kind of job: its queue's name, what its payload holds, and how pg-boss treats it (retries
 * with back-off, how long an attempt may run, how long finished jobs stay visible).
 */
export interface JobKind<T extends object> {
  readonly name: string;
  readonly queue: Omit<Queue, 'name'>;
  /** Settings that follow the deployment's configuration, over `queue`. */
  readonly configured?: (config: AppConfig) => Partial<Omit<Queue, 'name'>>;
  /** A phantom, so that a kind carries the type of its payload. */
  readonly payload?: T;
}

function kind<T extends object>(
  name: string,
  queue: Omit<Queue, 'name'>,
  configured?: JobKind<T>['configured'],
): JobKind<T> {
  return { name, queue, configured };
}

const DAY_SECONDS = 24 * 3600;

/** Failed and finished jobs stay a week for the admin to see (and retry). */
const KEEP = { deleteAfterSeconds: 7 * DAY_SECONDS, retentionSeconds: 100 * DAY_SECONDS };

/**
 * A silence procedure's deadline: enqueued (at the deadline) in the transaction that starts the
 * procedure, cancelled in the one that ends it otherwise. The job's id is the procedure's, so
 * enqueuing it again is harmless. Retention outlasts the longest procedure (90 days).
 */
export const SILENCE_DEADLINE = kind<{ draftId: string; procedureId: string }>('silence-deadline', {
  policy: 'standard',
  retryLimit: 20,
  retryDelay: 5,
  retryBackoff: true,
  retryDelayMax: 600,
  expireInSeconds: 120,
  ...KEEP,
});

/**
 * A meeting pack: several minutes of rendering and converting. The heartbeat lets a job whose
 * worker died (a replica killed) be taken up again in seconds, not after the expiry.
 */
export const MEETING_PACK = kind<{ packId: string }>('meeting-pack', {
  policy: 'standard',
  retryLimit: 2,
  retryDelay: 2,
  retryBackoff: true,
  retryDelayMax: 300,
  expireInSeconds: 3600,
  heartbeatSeconds: 10,
  ...KEEP,
});

/**
 * One notice's mail: enqueued with the notice, in the transaction of the change it tells of; the
 * job's id is the notice's, so enqueuing it again (a restart adopting pending notices) is
 * harmless. Retries back off exponentially from MAIL_RETRY_BASE_MS (pg-boss counts whole
 * seconds) up to six hours; the heartbeat lets another replica take up the mail of one that died
 * mid-delivery within seconds, the expiry only bounds a hung attempt.
 */
export const MAIL_NOTICE = kind<{ noticeId: string }>(
  'mail-notice',
  {
    policy: 'standard',
    retryBackoff: true,
    retryDelayMax: 6 * 3600,
    expireInSeconds: 15 * 60,
    heartbeatSeconds: 10,
    ...KEEP,
  },
  (config) => ({
    retryLimit: config.MAIL_MAX_ATTEMPTS - 1,
    retryDelay: Math.max(1, Math.round(config.MAIL_RETRY_BASE_MS / 1000)),
  }),
);

/** Every kind: their queues are made when the queue starts. */
export const JOB_KINDS: readonly JobKind<object>[] = [SILENCE_DEADLINE, MEETING_PACK, MAIL_NOTICE];
