// Runtime settings from the environment. Read through process.env (not $env) so scripts,
// benchmarks and tests can import server modules outside SvelteKit.
import { z } from 'zod';

const bool = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'])
	.transform((v) => v === 'true' || v === '1' || v === 'yes');

const settings = z.object({
	/** postgres://… for PostgreSQL; unset or a file path for SQLite (databaseTarget below). */
	DATABASE_URL: z.string().optional(),
	/** The SQLite file when DATABASE_URL is unset. */
	DATABASE_PATH: z.string().min(1).default('./data/coproduce.db'),
	SEED_DEMO: bool.default(true),
	DEMO_PASSWORD: z.string().min(8).optional(),
	COUNCIL_NAME: z.string().min(1).default('Liverpool City Council'),
	SERVICE_NAME: z.string().min(1).default('Have your say on SEND'),
	FEEDBACK_URL: z.string().default('mailto:send.consultation@example.org'),
	SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
	SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
	/** Most places one booking may take (adults and children together). */
	BOOKING_MAX_PARTY: z.coerce.number().int().min(1).max(50).default(6),
	/** How long before a roadshow session its reminder email goes out. */
	REMINDER_LEAD_HOURS: z.coerce.number().positive().default(48),
	/** e.g. smtp://user:pass@mail.example.org:587. Unset: emails stay in the outbox table (the demo default). */
	SMTP_URL: z.string().min(1).optional(),
	EMAIL_FROM: z.string().min(1).default('Coproduce <no-reply@example.org>'),
	/** A GOV.UK Notify API key: every email, text and letter then goes through Notify. */
	NOTIFY_API_KEY: z.string().min(74).optional(),
	/** Only for a Notify stand-in (tests) or a proxy; the client defaults to the real service. */
	NOTIFY_BASE_URL: z.string().url().optional(),
	/** The Notify email template with ((subject)) as its subject and ((body)) as its message. */
	NOTIFY_EMAIL_TEMPLATE_ID: z.string().uuid().optional(),
	/** The Notify text message template whose message is ((body)). */
	NOTIFY_SMS_TEMPLATE_ID: z.string().uuid().optional(),
	NOTIFY_EMAIL_REPLY_TO_ID: z.string().uuid().optional(),
	NOTIFY_SMS_SENDER_ID: z.string().uuid().optional(),
	/** The bearer token Notify sends with delivery receipts; unset, the receipt endpoint refuses all. */
	NOTIFY_CALLBACK_TOKEN: z.string().min(16).optional(),
	NOTIFY_LETTER_POSTAGE: z.enum(['first', 'second', 'economy']).default('second'),
	/** The public address of the service, for links in emails. */
	PUBLIC_URL: z.preprocess(
		(v) => v || process.env.ORIGIN || 'http://localhost:3000',
		z
			.string()
			.url()
			.transform((v) => v.replace(/\/+$/, ''))
	),
	/** Reminders and retention run here; `npm start` turns it off in all server processes but one. */
	HOUSEKEEPING: bool.default(true),
	/**
	 * Filtered insights are shown only when at least this many responses match the filters and at
	 * least this many do not, so that a filtered figure cannot be taken from the unfiltered one.
	 */
	INSIGHTS_MIN_GROUP: z.coerce.number().int().min(5).default(10),
	/** Worker threads per server process that count dashboards, reports and summary workbooks. */
	INSIGHTS_THREADS: z.coerce.number().int().min(1).max(16).default(1),
	/** Overrides for the public forms' rate limits, e.g. "booking_start_address=40/600". */
	RATE_LIMITS: z.string().optional(),
	/** Most link emails (manage and resume links) one address is sent in an hour. */
	LINK_EMAILS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(3),
	/** Days after a pre-school liaison outcome letter that the child's record is kept (privacy notice). */
	LIAISON_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
});

// Notify sends every message through a template, so its ids must come with the key.
const schema = settings.superRefine((v, ctx) => {
	if (!v.NOTIFY_API_KEY) return;
	for (const key of ['NOTIFY_EMAIL_TEMPLATE_ID', 'NOTIFY_SMS_TEMPLATE_ID'] as const)
		if (!v[key])
			ctx.addIssue({
				code: 'custom',
				path: [key],
				message: `${key} is required with NOTIFY_API_KEY`
			});
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function getConfig(): Config {
	cached ??= schema.parse(process.env);
	return cached;
}

export type DatabaseTarget =
	{ engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

/**
 * The database the settings name: DATABASE_URL when set (postgres:// or postgresql:// for
 * PostgreSQL; a file path, file: URL or :memory: for SQLite), else the SQLite file at
 * DATABASE_PATH. Read straight from the environment, without the rest of the settings, because
 * the schema module picks its tables with it when first imported.
 */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
	const url = env.DATABASE_URL?.trim();
	if (!url) return { engine: 'sqlite', path: env.DATABASE_PATH || './data/coproduce.db' };
	if (/^postgres(ql)?:\/\//i.test(url)) return { engine: 'postgres', url };
	if (/^file:/i.test(url))
		return { engine: 'sqlite', path: decodeURIComponent(url.replace(/^file:(\/\/)?/i, '')) };
	const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
	if (scheme)
		throw new Error(
			`DATABASE_URL must be a PostgreSQL URL (postgres://…) or a SQLite file path, not a ${scheme}:// URL.`
		);
	return { engine: 'sqlite', path: url };
}

/** Shows a connection string without its password, for messages and logs. */
export function redactUrl(url: string): string {
	try {
		const u = new URL(url);
		if (u.password) u.password = '***';
		return u.toString();
	} catch {
		return 'an unreadable URL';
	}
}

/** The database named, as a log line or message may show it. */
export function describeDatabase(target: DatabaseTarget): string {
	return target.engine === 'sqlite'
		? `SQLite file ${target.path}`
		: `PostgreSQL at ${redactUrl(target.url)}`;
}
