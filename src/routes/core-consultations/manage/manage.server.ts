// The school's manage link: the registration it opens, or a plain "not found" page.
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findByManageToken } from '$lib/server/coreConsultations';

export async function requireRegistrationForLink(token: string) {
	const registration = await findByManageToken(getDb(), token);
	if (!registration)
		error(
			404,
			'The link may have been copied wrongly, or it may be an old one. We send a new link each time your meeting changes, so use the link in our most recent email. If you cannot find it, email the SEND team.'
		);
	return registration;
}
