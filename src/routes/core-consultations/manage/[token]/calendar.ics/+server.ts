import { error } from '@sveltejs/kit';
import { coreCalendarFile } from '$lib/server/coreConsultations';
import { requireRegistrationForLink } from '../../manage.server';

export const GET = async ({ params }) => {
	const file = coreCalendarFile(await requireRegistrationForLink(params.token));
	if (!file) error(404, 'There is no meeting date yet, so there is no calendar file.');
	return new Response(file, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="core-consultation.ics"'
		}
	});
};
