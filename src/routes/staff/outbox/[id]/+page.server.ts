import { error } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/access';
import { parseId } from '$lib/server/consultations/guard';
import { getDb } from '$lib/server/db';
import { getOutboxEmail } from '$lib/server/notify';
import { formatDateTime } from '$lib/format';
import { deliveryStatus, emailKindLabel, sentAt } from '../status';

export const load = ({ locals, params, url }) => {
	requirePermission(locals, 'outbox:view', url);
	const e = getOutboxEmail(getDb(), parseId(params.id));
	if (!e) error(404, 'Page not found');
	return {
		email: {
			id: e.id,
			to: e.toAddress,
			subject: e.subject,
			kind: emailKindLabel(e.template),
			text: e.textBody,
			when: formatDateTime(e.createdAt),
			sentAt: sentAt(e) ? formatDateTime(sentAt(e)!) : null,
			status: deliveryStatus(e),
			error: e.error
		}
	};
};
