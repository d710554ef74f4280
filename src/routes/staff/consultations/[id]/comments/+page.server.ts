import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { requireConsultationFeedback } from '$lib/server/consultations/guard';
import {
	linkCommentToPriority,
	listThemes,
	tagComment,
	unlinkCommentFromPriority,
	untagComment,
	type Done
} from '$lib/server/insights/coding';
import {
	listCommentQuestions,
	listComments,
	parseCommentFilters
} from '$lib/server/insights/comments';
import { audienceLabels, channelLabels } from '$lib/server/questionnaires/audiences';

const doneMessages: Record<string, string> = {
	tagged: 'Theme added to the comment',
	untagged: 'Theme removed from the comment',
	linked: 'Comment linked to the priority',
	unlinked: 'Priority link removed from the comment'
};

const FILTER_KEYS = ['priority', 'question', 'theme', 'audience', 'channel', 'untagged', 'page'];

/** The comment just changed ("answer-12"), so its confirmation shows beside it. */
const changedComment = (raw: string | null) =>
	raw && /^(answer|note)-[1-9]\d{0,9}$/.test(raw) ? raw : null;

export const load = async ({ locals, params, url }) => {
	const { consultation: c, priorities } = await requireConsultationFeedback(locals, params.id);
	const db = getDb();
	const themes = await listThemes(db, c.id);
	const questions = await listCommentQuestions(db, c.id);
	const { filters, errors } = parseCommentFilters(url.searchParams, {
		priorityIds: priorities.map((p) => p.id),
		questionKeys: questions.map((q) => q.key),
		themeIds: themes.map((t) => t.id)
	});
	const page = await listComments(db, c.id, filters);
	return {
		consultation: { id: c.id, title: c.title },
		priorities: priorities.map((p) => ({ id: p.id, position: p.position, title: p.title })),
		themes: themes.map((t) => ({ id: t.id, name: t.name })),
		questions,
		filters: {
			priority: filters.priorityId ? String(filters.priorityId) : '',
			question: filters.questionKey ?? '',
			theme: filters.themeId ? String(filters.themeId) : '',
			audience: filters.audience ?? '',
			channel: filters.channel ?? '',
			untagged: filters.untaggedOnly ?? false
		},
		filterErrors: errors,
		audienceLabels,
		channelLabels,
		page,
		done: doneMessages[url.searchParams.get('done') ?? ''] ?? null,
		changed: changedComment(url.searchParams.get('comment'))
	};
};

const commentSchema = z.object({
	kind: z.enum(['answer', 'note']),
	commentId: z.coerce.number().int().positive(),
	themeId: z.string().optional(),
	priorityId: z.string().optional()
});

type Posted = z.infer<typeof commentSchema>;
const optionalId = (raw: string | undefined) =>
	raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;

/**
 * Back to the same filtered view, scrolled to the comment (the #anchor works without JavaScript),
 * without carrying anything else.
 */
function back(consultationId: number, url: URL, posted: Posted, done: string): never {
	const query = new URLSearchParams();
	for (const key of FILTER_KEYS) {
		const value = url.searchParams.get(key);
		if (value) query.set(key, value);
	}
	query.set('done', done);
	query.set('comment', `${posted.kind}-${posted.commentId}`);
	redirect(
		303,
		`/staff/consultations/${consultationId}/comments?${query}#comment-${posted.kind}-${posted.commentId}`
	);
}

type Event = { locals: App.Locals; params: { id: string }; request: Request; url: URL };

/** Runs one change to a comment; a refusal is shown by the control the user used. */
async function change(
	{ locals, params, request, url }: Event,
	field: 'themeId' | 'priorityId',
	emptyMessage: string,
	run: (consultationId: number, posted: Posted, id: number, staffUserId: number) => Promise<Done>,
	done: string
) {
	const { user, consultation } = await requireConsultationFeedback(locals, params.id);
	const parsed = parseForm(await request.formData(), commentSchema);
	if (!parsed.ok)
		return invalid({}, { form: 'That comment could not be found. Refresh the page and try again' });
	const fieldId = `${field === 'themeId' ? 'theme' : 'priority'}-${parsed.data.kind}-${parsed.data.commentId}`;
	const id = optionalId(parsed.data[field]);
	if (id === null) return invalid({ [fieldId]: '' }, { [fieldId]: emptyMessage });
	const result = await run(consultation.id, parsed.data, id, user.id);
	if (!result.ok) return invalid({}, { [fieldId]: result.message });
	back(consultation.id, url, parsed.data, done);
}

const ref = (p: Posted) => ({ kind: p.kind, id: p.commentId });

export const actions = {
	tag: (event) =>
		change(
			event,
			'themeId',
			'Select a theme to add',
			(cid, p, themeId, staffUserId) => tagComment(getDb(), cid, ref(p), themeId, { staffUserId }),
			'tagged'
		),
	untag: (event) =>
		change(
			event,
			'themeId',
			'Select a theme to remove',
			(cid, p, themeId) => untagComment(getDb(), cid, ref(p), themeId),
			'untagged'
		),
	link: (event) =>
		change(
			event,
			'priorityId',
			'Select a priority to link',
			(cid, p, priorityId) => linkCommentToPriority(getDb(), cid, ref(p), priorityId),
			'linked'
		),
	unlink: (event) =>
		change(
			event,
			'priorityId',
			'Select a priority to remove',
			(cid, p, priorityId) => unlinkCommentFromPriority(getDb(), cid, ref(p), priorityId),
			'unlinked'
		)
};
