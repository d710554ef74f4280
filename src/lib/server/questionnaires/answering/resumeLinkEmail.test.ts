import { describe, expect, it } from 'vitest';

import { emailOutbox } from '../../db/schema';
import { notifyResumeLink, resumeLinkEmail } from './resumeLinkEmail';
import { openTestDatabase } from '../../db/testDatabase';

const NOW = new Date('2026-06-01T09:00:00Z');
const link =
	'https://example.org/consultations/send/questionnaires/parents-carers/r/abcdefghijabcdefghijabcdefghijabcdefghijabc';

describe('resume link email', () => {
	it('puts the link in the body only, working until answers can no longer be sent', () => {
		const { subject, text } = resumeLinkEmail({
			link,
			consultationTitle: 'SEND strategy',
			closesOn: '2027-01-12'
		});
		expect(subject).toBe('Your link to finish your answers: SEND strategy');
		expect(subject).not.toContain('abcdefghij');
		expect(text).toContain(`\n${link}\n`);
		expect(text).toContain(
			'The link works until the consultation closes at 11:59pm on Tuesday 12 January 2027.'
		);
	});

	it('queues one email in the outbox, not linked to a booking', async () => {
		const db = await openTestDatabase();
		expect(
			await notifyResumeLink(
				db,
				{ to: 'sam@example.com', link, consultationTitle: 'SEND strategy', closesOn: '2026-07-31' },
				NOW
			)
		).toBe(1);
		const rows = await db.select().from(emailOutbox);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			toAddress: 'sam@example.com',
			template: 'questionnaire_resume_link',
			bookingId: null
		});
		expect(rows[0].textBody).toContain(link);
	});
});
