/**
 * Loopback ports for the embedded cluster: is the preferred one free, else any free one, and a
 * start that moves to another free port when a second process took the checked one first.
 */
import { createServer } from "node:net";

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen({ port, host: "127.0.0.1", exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/** PostgreSQL could not listen: another process bound the port after it was found free. */
const portTaken = (e: unknown) => /could not create any TCP\/IP sockets/.test(String((e as Error)?.message));

/**
 * Starts the postmaster with `start` on `port`, which was free when checked; if another process
 * binds it before PostgreSQL does (several clusters starting at once on one machine), on another
 * free port, up to three times. Resolves with the port it listens on.
 */
export async function startOnFreePort(
  port: number,
  start: (port: number) => Promise<void>,
  log: (line: string) => void,
): Promise<number> {
  for (let tries = 1; ; tries++) {
    try {
      await start(port);
      return port;
    } catch (e) {
      if (!portTaken(e) || tries === 3) throw e;
      const next = await freePort();
      log(`port ${port} was taken as PostgreSQL started; it uses ${next}`);
      port = next;
    }
  }
}
