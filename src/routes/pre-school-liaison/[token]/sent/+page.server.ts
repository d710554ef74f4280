import { redirect } from '@sveltejs/kit';
import { requireFamilyLink } from '../../family.server';

export const load = async ({ params }) => {
	const link = await requireFamilyLink(params.token);
	// Not sent yet: the start page says where they are.
	if (link.state !== 'sent') redirect(303, `/pre-school-liaison/${params.token}`);
	return { reply: link.answers.reply === 'letter' ? 'letter' : 'email' };
};
