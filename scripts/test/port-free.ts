// A test server must be the one that answers on its port: `next start` on a port another
// process holds fails, and a health check would then reach that other (stale) server and test
// it instead. So the e2e set-up asks first whether the port is free, and refuses clearly if not.
import net from "node:net";

/** Resolves when `host:port` can be listened on (and is released again); rejects, naming the port, when it is taken. */
export async function assertPortFree(port: number, host = "127.0.0.1"): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EADDRINUSE") return reject(error);
      reject(
        new Error(
          `Port ${port} on ${host} is already in use (a server left from an earlier run?): stop it, or set E2E_PORT to a free port.`,
        ),
      );
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
