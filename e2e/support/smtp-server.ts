// A real SMTP server on this machine (smtp-server) for the e2e app: it requires a user and a
// password, as a relay would, and accepts whatever the app sends.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export async function startSmtpServer(credentials: { user: string; password: string }) {
  const server = new SMTPServer({
    allowInsecureAuth: true,
    logger: false,
    disabledCommands: ["STARTTLS"],
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.password)
        return callback(null, { user: auth.username });
      return callback(new Error("Invalid username or password"));
    },
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const url = `smtp://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
  return {
    url,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
