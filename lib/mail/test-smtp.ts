/**
 * A real SMTP server for tests (smtp-server), parsing what it receives with mailparser: no
 * TLS, no authentication, on a free port of 127.0.0.1. Used by *.test.ts only.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpSink = {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  received: ParsedMail[];
  /** The next `count` messages are refused with a temporary error (a mail server that is down). */
  failNext: (count: number) => void;
  /** The raw value of a header of a received message (`list-unsubscribe`), without its name. */
  header: (mail: ParsedMail, name: string) => string | undefined;
  close: () => Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (failures > 0) {
        failures--;
        const error = Object.assign(new Error("Service temporarily unavailable"), { responseCode: 421 });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext: (count) => {
      failures = count;
    },
    header: (mail, name) => {
      const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
      // Long headers are folded on several lines: unfold them (RFC 5322 §2.2.3).
      return line
        ?.slice(line.indexOf(":") + 1)
        .replace(/\r?\n(?=[ \t])/g, "")
        .trim();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
