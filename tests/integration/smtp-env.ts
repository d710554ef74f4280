// Imported first by the SMTP tests: a real SMTP server (smtp-server) in this process, and this
// process's settings pointed at it before anything reads them (settings are read once).
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export type Arrived = { envelopeTo: string[]; mail: ParsedMail; raw: string };

export const arrived: Arrived[] = [];
/** Set to refuse recipients: e.g. 451 (try later) or 550 (no such mailbox). */
export const refuse: { code: number | null; message: string } = { code: null, message: '' };

const options: SMTPServerOptions = {
	authOptional: true,
	// nodemailer would upgrade to TLS if offered; this test server has no certificate.
	disabledCommands: ['STARTTLS'],
	logger: false,
	onRcptTo(address, _session, callback) {
		if (refuse.code === null) return callback();
		const err = Object.assign(new Error(refuse.message), { responseCode: refuse.code });
		callback(err);
	},
	onData(stream, session, callback) {
		const chunks: Buffer[] = [];
		stream.on('data', (c: Buffer) => chunks.push(c));
		stream.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			simpleParser(raw).then(
				(mail) => {
					arrived.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail, raw });
					callback();
				},
				(e: Error) => callback(e)
			);
		});
	}
};

export const smtpServer = new SMTPServer(options);
await new Promise<void>((resolve) => smtpServer.listen(0, '127.0.0.1', () => resolve()));
const address = smtpServer.server.address();
if (!address || typeof address === 'string') throw new Error('no port');

export const smtpEnv = {
	SMTP_URL: `smtp://127.0.0.1:${address.port}`,
	EMAIL_FROM: 'Liverpool SEND team <send.consultation@example.org>',
	PUBLIC_URL: 'https://consult.example.org'
};
Object.assign(process.env, smtpEnv);
