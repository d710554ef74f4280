// A letter's PDF, for staff to print and post themselves.
import { error } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/access';
import { parseId } from '$lib/server/consultations/guard';
import { getDb } from '$lib/server/db';
import { getLetterPdf } from '$lib/server/notify';

export const GET = async ({ locals, params, url }) => {
	requirePermission(locals, 'outbox:view', url);
	const pdf = await getLetterPdf(getDb(), parseId(params.id));
	if (!pdf) error(404, 'Page not found');
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="letter-${params.id}.pdf"`,
			'cache-control': 'no-store'
		}
	});
};
