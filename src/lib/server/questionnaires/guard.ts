// The staff questionnaire pages' way in: the page's permission, then a real consultation (and
// questionnaire of that consultation). Facilitators enter paper forms and roadshow notes with
// 'roadshow:run' but cannot change the consultation itself.
import { error } from '@sveltejs/kit';
import type { Permission } from '../auth/access';
import { requireConsultationForStaff, parseId } from '../consultations/guard';
import { getDb } from '../db';
import { findQuestionnaire } from './versions';

/** As requireConsultationForStaff, plus a questionnaire that belongs to that consultation (404 otherwise). */
export async function requireQuestionnaireForStaff(
	locals: App.Locals,
	idParam: string,
	questionnaireIdParam: string,
	permission: Permission
) {
	const found = await requireConsultationForStaff(locals, idParam, permission);
	const questionnaire = await findQuestionnaire(getDb(), parseId(questionnaireIdParam));
	if (!questionnaire || questionnaire.consultationId !== found.consultation.id)
		error(404, 'Page not found');
	return { ...found, questionnaire };
}
