import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import {
	ensureDraftVersion,
	moveQuestion,
	removeQuestion,
	updateVersionText
} from '$lib/server/questionnaires/authoring';
import { editorContext, questionSummary } from './editor.server';

const doneMessages: Record<string, string> = {
	created: 'Questionnaire created as a draft',
	draft: 'You can now change the questionnaire',
	details: 'Title and introduction saved',
	added: 'Question added',
	changed: 'Question saved',
	removed: 'Question removed'
};

export const load = async ({ locals, params, url }) => {
	const {
		consultation: c,
		questionnaire: q,
		priorities,
		draft,
		published,
		label
	} = await editorContext(locals, params);
	const shown = draft ?? published;
	const priorityNumbers = new Map(priorities.map((p) => [p.id, p.position]));
	const publishedNumber = Number(url.searchParams.get('published'));
	return {
		consultation: { id: c.id, title: c.title },
		questionnaire: { id: q.id, label, easyRead: q.easyRead },
		draft: draft && { number: draft.number, title: draft.title, intro: draft.intro },
		published: published && {
			number: published.number,
			title: published.title,
			intro: published.intro
		},
		questions: (shown?.questions ?? []).map((x, i, all) =>
			questionSummary(x, i, all, priorityNumbers)
		),
		done:
			Number.isInteger(publishedNumber) && publishedNumber > 0
				? `Version ${publishedNumber} published`
				: (doneMessages[url.searchParams.get('done') ?? ''] ?? null)
	};
};

const textFields = z.object({
	title: z
		.string()
		.trim()
		.min(1, 'Enter a title')
		.max(200, 'The title must be 200 characters or fewer'),
	intro: z.string().trim().max(2000, 'The introduction must be 2,000 characters or fewer')
});

const questionId = z.object({ questionId: z.coerce.number().int().positive() });

/** The draft, and the posted question id when it is one of the draft's questions. */
function draftQuestion(draft: Awaited<ReturnType<typeof editorContext>>['draft'], form: FormData) {
	if (!draft) return null;
	const parsed = questionId.safeParse({ questionId: form.get('questionId') });
	return parsed.success && draft.questions.some((x) => x.id === parsed.data.questionId)
		? parsed.data.questionId
		: null;
}

const stale = {
	form: 'That question could not be changed. It may have been removed or published: refresh the page and try again'
};

export const actions = {
	edit: async ({ locals, params, getClientAddress }) => {
		const { questionnaire: q, base, user } = await editorContext(locals, params);
		const actor = { staffUserId: user.id, ip: getClientAddress() };
		if ((await ensureDraftVersion(getDb(), q.id, new Date(), actor)) === null)
			error(404, 'Page not found');
		redirect(303, `${base}?done=draft`);
	},
	details: async ({ locals, params, request, getClientAddress }) => {
		const { draft, base, user } = await editorContext(locals, params);
		const parsed = parseForm(await request.formData(), textFields);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		if (!draft) return invalid(parsed.values, stale);
		const saved = await updateVersionText(getDb(), draft.id, parsed.data, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!saved.ok) return invalid(parsed.values, saved.errors);
		redirect(303, `${base}?done=details`);
	},
	move: async ({ locals, params, request, getClientAddress }) => {
		const { draft, base, user } = await editorContext(locals, params);
		const form = await request.formData();
		const id = draftQuestion(draft, form);
		if (id === null) return invalid({}, stale);
		const moved = await moveQuestion(getDb(), id, form.get('direction') === 'up' ? 'up' : 'down', {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!moved.ok) return invalid({}, moved.errors);
		redirect(303, `${base}#question-${id}`);
	},
	remove: async ({ locals, params, request, getClientAddress }) => {
		const { draft, base, user } = await editorContext(locals, params);
		const id = draftQuestion(draft, await request.formData());
		if (id === null) return invalid({}, stale);
		const removed = await removeQuestion(getDb(), id, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!removed.ok) return invalid({}, removed.errors);
		redirect(303, `${base}?done=removed`);
	}
};
