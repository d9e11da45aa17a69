import { type Server, type Socket, connect, createServer } from 'node:net';

export interface FreezableProxy {
  /** The same connection string, through the proxy. */
  url: string;
  /** From now on nothing passes in either direction, and new connections get no answer. */
  freeze(): void;
  /** Everything held back passes, and traffic flows again. */
  thaw(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback in front of PostgreSQL that can freeze: the database then hangs
 * (accepts, never answers) instead of refusing, as a stalled server or a dead link would,
 * without touching the shared server.
 */
export async function startFreezableProxy(databaseUrl: string): Promise<FreezableProxy> {
  const target = new URL(databaseUrl);
  let frozen = false;
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const relay = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => {
      if (frozen) held.push(() => to.write(chunk));
      else to.write(chunk);
    });
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };
  const server: Server = createServer((client) => {
    sockets.add(client);
    const open = () => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      sockets.add(upstream);
      relay(client, upstream);
      relay(upstream, client);
    };
    if (frozen) held.push(open);
    else open();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(typeof address === 'object' && address ? address.port : 0);
  return {
    url: proxied.toString(),
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      for (const release of held.splice(0)) release();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
