import { describe, expect, it } from 'vitest';
import { templateNames } from '$lib/server/roadshow/emailTemplates';
import { deliveryStatus, emailKindLabel, sentAt } from './status';

describe('outbox wording', () => {
	it('names every kind of email in plain English, never the code', () => {
		for (const kind of [...templateNames, 'questionnaire_resume_link']) {
			const label = emailKindLabel(kind);
			expect(label, kind).not.toContain('_');
			expect(label, kind).not.toBe(kind);
		}
		expect(emailKindLabel('booking_confirmed')).toBe('Booking confirmed');
		expect(emailKindLabel('something_new')).toBe('Something new');
	});

	it('gives one status per email: a kept email is never also "sent"', () => {
		const at = new Date('2026-06-01T09:00:00Z');
		const row = { channel: 'email' as const, error: null, attempts: 1, nextAttemptAt: null };
		const kept = { ...row, status: 'kept' as const, transport: 'outbox' as const, sentAt: at };
		expect(deliveryStatus(kept).text).toBe('Kept in outbox');
		expect(sentAt(kept)).toBeNull();
		const sent = { ...row, status: 'sent' as const, transport: 'smtp' as const, sentAt: at };
		expect(deliveryStatus(sent).text).toBe('Sent');
		expect(sentAt(sent)).toEqual(at);
	});
});
