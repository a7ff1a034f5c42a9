import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for tests, on a free local port, without TLS or authentication: it keeps
 * every message it accepts, parsed. `answer` decides per delivery attempt (numbered from 0 in
 * arrival order) whether to accept it or refuse it with an SMTP reply code, and may hold the
 * reply back (a slow server) until a promise settles.
 */

export interface ReceivedMail {
  /** The SMTP envelope's recipients (RCPT TO). */
  recipients: string[];
  parsed: ParsedMail;
}

export type SmtpAnswer = "accept" | { refuse: number; message: string };

export interface SmtpReceiver {
  url: string;
  /** Accepted messages, in the order they were accepted. */
  received: ReceivedMail[];
  /** Every DATA the server was given, accepted or not, as parsed. */
  attempts: ParsedMail[];
  close(): Promise<void>;
}

export async function startSmtpReceiver(answer: (attempt: number, mail: ParsedMail) => SmtpAnswer | Promise<SmtpAnswer> = () => "accept"): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const attempts: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const attempt = attempts.push(parsed) - 1;
          const reply = await answer(attempt, parsed);
          if (reply === "accept") {
            received.push({ recipients: session.envelope.rcptTo.map((recipient) => recipient.address), parsed });
            callback();
          } else {
            callback(Object.assign(new Error(reply.message), { responseCode: reply.refuse }));
          }
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
