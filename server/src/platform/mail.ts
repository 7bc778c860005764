// Outgoing email over SMTP (nodemailer): what scheduled reports are delivered with.
import nodemailer from 'nodemailer';
import type { MailConfig } from '../config.ts';

export interface Attachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  attachments?: Attachment[];
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message for every recipient; rejects otherwise. */
  send(mail: Mail): Promise<void>;
}

export function smtpMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport(config.url);
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: config.from, ...mail });
      if (info.rejected.length > 0) {
        throw new Error(`The mail server refused ${info.rejected.length} of ${mail.to.length} recipients`);
      }
    },
  };
}
