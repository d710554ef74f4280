// The first question. Its answer starts the draft, so merely opening the page stores nothing.
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { startDraft } from '$lib/server/roadshow/drafts';
import { whoSchema } from '$lib/server/roadshow/validation';
import { bookingBlock, loadPublicSession } from '../session.server';
import { bookHref, sessionHref } from './journey.server';

export const load = async ({ params }) => {
	const page = await loadPublicSession(params, new Date());
	return { ...page, block: bookingBlock(page.session), sessionHref: sessionHref(params) };
};

export const actions = {
	default: async ({ params, request, url }) => {
		const now = new Date();
		const { session } = await loadPublicSession(params, now);
		if (bookingBlock(session)) redirect(303, url.pathname);
		const parsed = parseForm(await request.formData(), whoSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const draftId = await startDraft(getDb(), session.id, 'who', parsed.values, now);
		redirect(303, `${bookHref(params)}/${draftId}/places`);
	}
};
