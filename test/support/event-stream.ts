import { type IncomingMessage, get } from 'node:http';
import { z } from 'zod';

const eventData = z.looseObject({ type: z.string(), draftId: z.string() });

export interface StreamedEvent {
  id: string;
  data: { type: string; draftId: string; [fact: string]: unknown };
}

export interface EventStreamClient {
  status: number;
  contentType: string | null;
  events: StreamedEvent[];
  /** The first event (from those already received or still to come) that matches, within `timeoutMs`. */
  next(match: (event: StreamedEvent) => boolean, timeoutMs?: number): Promise<StreamedEvent>;
  close(): void;
}

/**
 * Reads a text/event-stream the way a browser's EventSource would (id and data fields). On
 * node:http rather than fetch: like a browser, it closes its socket when the page goes away.
 */
export async function openEventStream(
  url: string,
  headers: Record<string, string>,
): Promise<EventStreamClient> {
  const request = get(url, { headers });
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  const events: StreamedEvent[] = [];
  const waiters = new Set<() => void>();
  if (response.statusCode === 200) {
    void (async () => {
      let buffer = '';
      try {
        response.setEncoding('utf8');
        for await (const chunk of response as AsyncIterable<string>) {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const fields = new Map<string, string>();
            for (const line of block.split('\n')) {
              const colon = line.indexOf(':');
              if (colon <= 0) continue;
              fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
            }
            if (fields.has('data')) {
              events.push({
                id: fields.get('id') ?? '',
                data: eventData.parse(JSON.parse(fields.get('data')!)),
              });
              waiters.forEach((wake) => wake());
            }
          }
        }
      } catch {
        // Aborted by close(), or the server went away.
      }
    })();
  } else response.resume();
  return {
    status: response.statusCode ?? 0,
    contentType: response.headers['content-type'] ?? null,
    events,
    next(match, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching event within ${timeoutMs} ms (${events.length} received)`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => request.destroy(),
  };
}
