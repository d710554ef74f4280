import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { describeShowIf } from '$lib/server/questionnaires/authoring';
import { findVersionIdByNumber, questionForField } from '$lib/server/questionnaires/answering';
import { getVersion } from '$lib/server/questionnaires/versions';
import { editorContext } from '../editor.server';

export const load = async ({ locals, params, url }) => {
	const ctx = await editorContext(locals, params);
	const asked = url.searchParams.get('version');
	let version = ctx.draft ?? ctx.published;
	if (asked !== null) {
		const id = /^[1-9]\d{0,5}$/.test(asked)
			? await findVersionIdByNumber(getDb(), ctx.questionnaire.id, Number(asked))
			: null;
		version = id === null ? null : await getVersion(getDb(), id);
	}
	if (!version) error(404, 'Page not found');
	return {
		consultation: { id: ctx.consultation.id, title: ctx.consultation.title },
		questionnaire: {
			id: ctx.questionnaire.id,
			label: ctx.label,
			easyRead: ctx.questionnaire.easyRead
		},
		version: {
			number: version.number,
			status: version.status,
			title: version.title,
			intro: version.intro
		},
		questions: version.questions.map((q) => ({
			...questionForField(q),
			condition: describeShowIf(q, version.questions)
		}))
	};
};
