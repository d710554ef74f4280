// Delivery receipts from GOV.UK Notify, by callback or by polling, turned into outbox statuses.
import { createHash, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNotNull } from 'drizzle-orm';
import { type Db, firstRow } from '../db';
import { emailOutbox, type EmailOutbox } from '../db/schema';
import { log } from '../log';
import { markFailed } from './outbox';
import { fetchNotifyStatus } from './govukNotify';

export type ReceiptOutcome = 'sent' | 'delivered' | 'failed' | 'retry';

// Notify's documented statuses for email, text messages and letters.
const outcomes: Record<string, ReceiptOutcome> = {
	created: 'sent',
	sending: 'sent',
	pending: 'sent',
	sent: 'sent',
	accepted: 'sent',
	'pending-virus-check': 'sent',
	delivered: 'delivered',
	received: 'delivered',
	'permanent-failure': 'failed',
	'validation-failed': 'failed',
	'virus-scan-failed': 'failed',
	cancelled: 'failed',
	'temporary-failure': 'retry',
	'technical-failure': 'retry'
};

/** What a Notify status means here; an unknown word is treated as still on its way. */
export function outcomeOfNotifyStatus(status: string): ReceiptOutcome {
	return outcomes[status] ?? 'sent';
}

const explanations: Record<string, string> = {
	'permanent-failure':
		'GOV.UK Notify could not deliver it: the address or number does not exist or is blocked (permanent-failure)',
	'temporary-failure':
		'GOV.UK Notify could not deliver it this time: the inbox may be full or the phone off (temporary-failure)',
	'technical-failure':
		'GOV.UK Notify had a problem with its provider and did not send it (technical-failure)',
	'validation-failed': 'GOV.UK Notify refused the letter: it does not meet the letter spec',
	'virus-scan-failed': 'GOV.UK Notify refused the letter: its virus scan failed',
	cancelled: 'The letter was cancelled in GOV.UK Notify'
};

export type Receipt = { providerId: string; reference?: string | null; status: string };

/**
 * Applies one receipt. A final status (delivered, failed) is never undone by a late or repeated
 * one; a temporary or technical failure queues the message again with back-off. Returns false for
 * a notification this service does not know.
 */
export async function applyReceipt(db: Db, receipt: Receipt, now = new Date()): Promise<boolean> {
	const row = firstRow(
		await db
			.select()
			.from(emailOutbox)
			.where(
				and(eq(emailOutbox.transport, 'notify'), eq(emailOutbox.providerId, receipt.providerId))
			)
			.limit(1)
	);
	// The reference is our id: a receipt naming another message is not about this one.
	if (!row || (receipt.reference && receipt.reference !== String(row.id))) return false;
	if (row.status !== 'sent') return true;
	const outcome = outcomeOfNotifyStatus(receipt.status);
	const why = explanations[receipt.status] ?? `GOV.UK Notify: ${receipt.status}`;
	if (outcome === 'sent' || outcome === 'delivered') {
		await db
			.update(emailOutbox)
			.set({ status: outcome, providerStatus: receipt.status, statusChangedAt: now })
			.where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, 'sent')));
	} else {
		await db
			.update(emailOutbox)
			.set({ providerStatus: receipt.status, providerId: null })
			.where(eq(emailOutbox.id, row.id));
		await markFailed(db, row, why, outcome === 'retry', now);
	}
	log.info({ emailId: row.id, status: receipt.status }, 'delivery receipt');
	return true;
}

/** Compares a request's Authorization header with the expected bearer token in constant time. */
export function bearerTokenMatches(header: string | null, expected: string | undefined): boolean {
	if (!expected || !header?.startsWith('Bearer ')) return false;
	// Hashing first gives equal lengths, so timingSafeEqual never leaks the token's length either.
	const digest = (v: string) => createHash('sha256').update(v).digest();
	return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(expected));
}

/** Notify keeps notifications for 7 days; older ones cannot be asked about. */
const POLL_WINDOW_MS = 7 * 86_400_000;

/**
 * Without callbacks (or when one was lost), asks Notify about messages it accepted but has not
 * reported on. Never throws; returns how many statuses were read.
 */
export async function pollDeliveryStatus(db: Db, now = new Date(), limit = 100): Promise<number> {
	const waiting: EmailOutbox[] = await db
		.select()
		.from(emailOutbox)
		.where(
			and(
				eq(emailOutbox.transport, 'notify'),
				eq(emailOutbox.status, 'sent'),
				isNotNull(emailOutbox.providerId),
				gt(emailOutbox.sentAt, new Date(now.getTime() - POLL_WINDOW_MS))
			)
		)
		.orderBy(desc(emailOutbox.id))
		.limit(limit);
	let read = 0;
	for (const row of waiting) {
		try {
			const status = await fetchNotifyStatus(row.providerId!);
			await applyReceipt(
				db,
				{ providerId: row.providerId!, reference: String(row.id), status },
				now
			);
			read++;
		} catch (err) {
			log.warn(
				{ emailId: row.id, err: err instanceof Error ? err.message : String(err) },
				'delivery status could not be read'
			);
		}
	}
	return read;
}
