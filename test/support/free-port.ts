import { createServer, type AddressInfo } from 'node:net';

/** A free TCP port on 127.0.0.1 (the OS picks it), for a server a test starts and must name first. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
