import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { describeShowIf, findVersionIdByNumber, getVersion } from '$lib/server/questionnaires';
import { editorContext } from '../editor.server';

export const load = ({ locals, params, url }) => {
	const ctx = editorContext(locals, params);
	const asked = url.searchParams.get('version');
	let version = ctx.draft ?? ctx.published;
	if (asked !== null) {
		const id = /^[1-9]\d{0,5}$/.test(asked) ? findVersionIdByNumber(getDb(), ctx.questionnaire.id, Number(asked)) : null;
		version = id === null ? null : getVersion(getDb(), id);
	}
	if (!version) error(404, 'Page not found');
	return {
		consultation: { id: ctx.consultation.id, title: ctx.consultation.title },
		questionnaire: { id: ctx.questionnaire.id, label: ctx.label, easyRead: ctx.questionnaire.easyRead },
		version: { number: version.number, status: version.status, title: version.title, intro: version.intro },
		questions: version.questions.map((q) => ({
			key: q.key,
			kind: q.kind,
			text: q.text,
			hint: q.hint,
			caption: q.caption,
			required: q.required,
			maxChars: q.maxChars,
			maxWords: q.maxWords,
			textFormat: q.textFormat,
			options: q.options.map((o) => ({ value: o.value, label: o.label, exclusive: o.exclusive })),
			condition: describeShowIf(q, version.questions)
		}))
	};
};
