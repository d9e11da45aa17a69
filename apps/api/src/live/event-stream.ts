import type { FastifyReply } from 'fastify';
import { AppError } from '../common/app-error';
import type { DeskEvent } from '@chancery/persistence';
import type { EventHub } from './event-hub';

/** Streams open at once on one instance; beyond, 503 (each holds a socket and a subscription). */
export const MAX_STREAMS = 1000;
/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 20000;
/** How soon a browser's EventSource comes back after a drop. */
const RETRY_MS = 2000;

/** The Last-Event-ID a client sent (header, or `lastEventId` for clients that cannot set one). */
export function lastEventId(header: unknown, query: unknown): string | null {
  const value = typeof header === 'string' && header !== '' ? header : query;
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !/^\d{1,18}$/.test(value)) {
    throw new AppError('INVALID_LAST_EVENT_ID', 'Last-Event-ID must be the id of an event.', {
      field: 'Last-Event-ID',
    });
  }
  return value;
}

function frame(event: DeskEvent): string {
  return `id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Answers with a text/event-stream: first what the client missed since `resumeFrom`, then each
 * event as it arrives. Events that arrive while the missed ones are read are held and sent
 * after them, each once.
 */
export async function openEventStream(
  reply: FastifyReply,
  hub: EventHub,
  resumeFrom: string | null,
): Promise<void> {
  if (hub.streams >= MAX_STREAMS) {
    throw new AppError('TOO_MANY_STREAMS', 'Too many live pages are open; try again shortly.');
  }
  reply.hijack();
  const raw = reply.raw;
  const socket = raw.socket;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Proxies must pass events on as they come, not buffer them.
    'x-accel-buffering': 'no',
  });
  raw.write(`retry: ${RETRY_MS}\n\n`);

  // Ids sent while replaying (bounded by the replay): an event both stored before the stream
  // opened and announced just after is sent once.
  const replayed = new Set<string>();
  let held: DeskEvent[] | null = [];
  const send = (event: DeskEvent) => {
    if (replayed.has(event.id)) return;
    if (held !== null) replayed.add(event.id);
    raw.write(frame(event));
  };
  const close = () => {
    unsubscribe();
    clearInterval(heartbeat);
    // The socket itself, not just the response: an open connection holds the server's
    // shutdown. The browser reconnects (to another replica) with its Last-Event-ID.
    raw.end();
    socket?.destroy();
  };
  const unsubscribe = hub.subscribe((event) => (held ? held.push(event) : send(event)), close);
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  // The client went away (or the response ended): nothing more is written, and the socket,
  // which no longer carries a request, is let go.
  raw.on('close', close);

  let missed: DeskEvent[] = [];
  try {
    if (resumeFrom !== null) missed = await hub.missedSince(resumeFrom);
  } catch {
    // The client comes back with the same Last-Event-ID and is told again.
    close();
    return;
  }
  for (const event of missed) send(event);
  const waiting = held;
  for (const event of waiting) send(event);
  held = null;
}
