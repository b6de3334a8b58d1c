import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The HTTP server around the pipeline: listens on 127.0.0.1 only, counts TCP connections (a benchmark uses the
 * count to show keep-alive works) and tracks sockets so close() can destroy idle keep-alive connections.
 * Without that, a client's connection pool keeps the server, and jest, alive after the tests.
 */
export class EmulatorServer {
  /** Total TCP connections accepted since start. */
  connectionsOpened = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    /** The bound port. */
    readonly port: number,
  ) {}

  /** Starts listening. `port` 0 picks a free port. */
  static listen(
    port: number,
    listener: (req: IncomingMessage, res: ServerResponse) => void,
  ): Promise<EmulatorServer> {
    const server = createServer(listener);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        if (address === null || typeof address === 'string') {
          reject(new Error('Emulator server has no TCP address'));
          return;
        }
        const emulatorServer = new EmulatorServer(server, address.port);
        server.on('connection', socket => emulatorServer.track(socket));
        resolve(emulatorServer);
      });
    });
  }

  /** Stops accepting connections and destroys the open ones, including idle keep-alive sockets. */
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close(error => (error ? reject(error) : resolve()));
      for (const socket of this.sockets) socket.destroy();
      this.sockets.clear();
    });
  }

  private track(socket: Socket): void {
    this.connectionsOpened++;
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }
}
