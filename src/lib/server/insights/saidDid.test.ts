import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvent, consultation } from '../db/schema';
import { consultationStatus } from '../consultations/status';
import { codingFixture, NOW } from './codingFixtures';
import {
	findPublishedResponse,
	getResponseDraft,
	publishResponse,
	responsePublishProblems,
	savePrioritySaidDid,
	saveResponseText
} from './saidDid';
import { firstRow } from '../db';

const closed = { opensOn: '2026-04-01', closesOn: '2026-05-15' };

describe('saving "You said, we did"', () => {
	it('saves and updates per priority, trimming, and lists every priority', async () => {
		const f = await codingFixture();
		expect(
			await savePrioritySaidDid(
				f.db,
				f.consultationId,
				f.priorityIds[0],
				{ youSaid: ' Too slow ', weDid: '' },
				f.actor,
				NOW
			)
		).toEqual({ ok: true });
		expect(
			await savePrioritySaidDid(
				f.db,
				f.consultationId,
				f.priorityIds[0],
				{ youSaid: 'Too slow', weDid: 'Hire staff' },
				f.actor,
				NOW
			)
		).toEqual({ ok: true });
		expect(
			(await getResponseDraft(f.db, f.consultationId)).priorities.map((p) => [
				p.position,
				p.youSaid,
				p.weDid
			])
		).toEqual([
			[1, 'Too slow', 'Hire staff'],
			[2, '', '']
		]);
	});

	it('refuses text over the limits and priorities of another consultation', async () => {
		const f = await codingFixture();
		const other = await codingFixture(f.db, 'other');
		expect(
			await savePrioritySaidDid(
				f.db,
				f.consultationId,
				f.priorityIds[0],
				{ youSaid: 'x'.repeat(3001), weDid: 'y'.repeat(3001) },
				f.actor
			)
		).toEqual({
			ok: false,
			errors: {
				youSaid: 'What people said must be 3,000 characters or fewer',
				weDid: 'What the council will do must be 3,000 characters or fewer'
			}
		});
		expect(
			await savePrioritySaidDid(
				f.db,
				f.consultationId,
				other.priorityIds[0],
				{ youSaid: 'a', weDid: 'b' },
				f.actor
			)
		).toEqual({
			ok: false,
			errors: { form: 'That priority could not be found. It may have been removed' }
		});
	});

	it('saves the introduction and Easy Read summary', async () => {
		const f = await codingFixture();
		expect(
			await saveResponseText(
				f.db,
				f.consultationId,
				{ introduction: ' Thank you ', easyReadSummary: 'You helped us.' },
				f.actor
			)
		).toEqual({ ok: true });
		expect(await getResponseDraft(f.db, f.consultationId)).toMatchObject({
			introduction: 'Thank you',
			easyReadSummary: 'You helped us.',
			publishedAt: null
		});
		expect(
			await saveResponseText(
				f.db,
				f.consultationId,
				{ introduction: 'x'.repeat(5001), easyReadSummary: 'y'.repeat(2001) },
				f.actor
			)
		).toEqual({
			ok: false,
			errors: {
				introduction: 'Introduction must be 5,000 characters or fewer',
				easyReadSummary: 'Easy Read summary must be 2,000 characters or fewer'
			}
		});
	});
});

describe('publishResponse', () => {
	it('needs the consultation closed and both parts for every priority, saying what is missing', async () => {
		const f = await codingFixture();
		await savePrioritySaidDid(
			f.db,
			f.consultationId,
			f.priorityIds[0],
			{ youSaid: 'Too slow', weDid: '' },
			f.actor
		);
		expect(await publishResponse(f.db, f.consultationId, f.actor, NOW)).toEqual({
			ok: false,
			problems: [
				'Close the consultation before you publish the response',
				'Write “We did” for priority 1: Identify needs early',
				'Write “You said” and “We did” for priority 2: Strengthen co-production'
			]
		});
		expect(await findPublishedResponse(f.db, f.consultationId)).toBeNull();
	});

	it('publishes a closed consultation’s response, moving it to "response published", with an audit record', async () => {
		const f = await codingFixture(undefined, 'closed', closed);
		for (const id of f.priorityIds)
			await savePrioritySaidDid(
				f.db,
				f.consultationId,
				id,
				{ youSaid: 'Said', weDid: 'Did' },
				f.actor
			);
		expect(await responsePublishProblems(f.db, f.consultationId, NOW)).toEqual([]);
		expect(await publishResponse(f.db, f.consultationId, f.actor, NOW)).toEqual({ ok: true });
		const c = firstRow(
			await f.db.select().from(consultation).where(eq(consultation.id, f.consultationId)).limit(1)
		)!;
		expect(c.responsePublishedAt).toEqual(NOW);
		expect(consultationStatus(c, '2026-06-01')).toBe('response_published');
		expect((await findPublishedResponse(f.db, f.consultationId))?.publishedAt).toEqual(NOW);
		expect(
			await f.db.select().from(auditEvent).where(eq(auditEvent.action, 'response.published'))
		).toHaveLength(1);
		expect(await publishResponse(f.db, f.consultationId, f.actor, NOW)).toEqual({
			ok: false,
			problems: ['The response has already been published']
		});
	});

	it('counts a consultation closed early as closed', async () => {
		const f = await codingFixture(undefined, 'early', { closedEarlyAt: NOW });
		for (const id of f.priorityIds)
			await savePrioritySaidDid(
				f.db,
				f.consultationId,
				id,
				{ youSaid: 'Said', weDid: 'Did' },
				f.actor
			);
		expect(await publishResponse(f.db, f.consultationId, f.actor, NOW)).toEqual({ ok: true });
	});
});
