import { error } from '@sveltejs/kit';
import { can, requirePermission } from '$lib/server/auth/access';
import { parseId } from '$lib/server/consultations/guard';
import { getDb } from '$lib/server/db';
import { getOutboxEmail } from '$lib/server/notify';
import { formatDateTime } from '$lib/format';
import { deliveryStatus } from '../status';

export const load = ({ locals, params, url }) => {
	const user = requirePermission(locals, 'outbox:view', url);
	const e = getOutboxEmail(getDb(), parseId(params.id));
	if (!e) error(404, 'Page not found');
	// Liaison emails hold children's records: only for those who may see liaison data.
	if (e.template.startsWith('liaison_') && !can(user, 'liaison:manage'))
		error(404, 'Page not found');
	return {
		email: {
			id: e.id,
			to: e.toAddress,
			subject: e.subject,
			template: e.template,
			text: e.textBody,
			when: formatDateTime(e.createdAt),
			sentAt: e.sentAt ? formatDateTime(e.sentAt) : null,
			status: deliveryStatus(e),
			error: e.error
		}
	};
};
