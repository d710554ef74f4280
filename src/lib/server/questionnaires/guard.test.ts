import { describe, expect, it } from 'vitest';
import { setDb } from '../db';
import type { Role } from '../auth/types';
import { NOW, testDb } from './testFixtures';
import { createQuestionnaire } from './authoring';
import { requireQuestionnaireForStaff } from './guard';
import { requireConsultationForStaff } from '../consultations/guard';

const locals = (role: Role) =>
	({
		user: { id: 1, email: 'a@example.org', name: 'A', role, mustChangePassword: false }
	}) as App.Locals;

async function thrown(
	fn: () => Promise<unknown>
): Promise<{ status?: number; location?: string } | null> {
	try {
		await fn();
		return null;
	} catch (e) {
		return e as { status?: number; location?: string };
	}
}

describe('staff questionnaire guards', () => {
	it('let facilitators enter feedback but not edit, and check the questionnaire belongs to the consultation', async () => {
		const { db, consultationId } = await testDb();
		setDb(db);
		const q = await createQuestionnaire(db, consultationId, 'parents_carers', {
			useStarter: false,
			now: NOW
		});
		if (!q.ok) throw new Error('not created');
		const id = String(consultationId);

		expect(
			(await requireConsultationForStaff(locals('facilitator'), id, 'roadshow:run')).consultation.id
		).toBe(consultationId);
		expect(
			(
				await thrown(
					async () =>
						await requireConsultationForStaff(locals('facilitator'), id, 'consultation:manage')
				)
			)?.status
		).toBe(403);
		expect(
			(
				await thrown(
					async () =>
						await requireConsultationForStaff({ user: null } as App.Locals, id, 'roadshow:run')
				)
			)?.status
		).toBe(303);
		expect(
			(
				await thrown(
					async () => await requireConsultationForStaff(locals('lead'), '999', 'roadshow:run')
				)
			)?.status
		).toBe(404);
		expect(
			(
				await thrown(
					async () => await requireConsultationForStaff(locals('lead'), '1x', 'roadshow:run')
				)
			)?.status
		).toBe(404);

		expect(
			(
				await requireQuestionnaireForStaff(
					locals('lead'),
					id,
					String(q.questionnaireId),
					'consultation:manage'
				)
			).questionnaire.id
		).toBe(q.questionnaireId);
		expect(
			(
				await thrown(
					async () =>
						await requireQuestionnaireForStaff(
							locals('lead'),
							id,
							String(q.questionnaireId + 1),
							'consultation:manage'
						)
				)
			)?.status
		).toBe(404);
		expect(
			(
				await thrown(
					async () =>
						await requireQuestionnaireForStaff(
							locals('facilitator'),
							id,
							String(q.questionnaireId),
							'feedback:view'
						)
				)
			)?.status
		).toBe(403);
	});
});
