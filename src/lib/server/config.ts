// Runtime settings from the environment. Read through process.env (not $env) so scripts,
// benchmarks and tests can import server modules outside SvelteKit.
import { z } from 'zod';

const bool = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'])
	.transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
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
	/** The public address of the service, for links in emails. */
	PUBLIC_URL: z.preprocess(
		(v) => v || process.env.ORIGIN || 'http://localhost:3000',
		z
			.string()
			.url()
			.transform((v) => v.replace(/\/+$/, ''))
	),
	/** Overrides for the public forms' rate limits, e.g. "booking_start_address=40/600". */
	RATE_LIMITS: z.string().optional(),
	/** Most link emails (manage and resume links) one address is sent in an hour. */
	LINK_EMAILS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(3),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function getConfig(): Config {
	cached ??= schema.parse(process.env);
	return cached;
}
