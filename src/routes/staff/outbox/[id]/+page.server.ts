import { error } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/access';
import { parseId } from '$lib/server/consultations/guard';
import { getDb } from '$lib/server/db';
import { getOutboxEmail, withoutSecrets } from '$lib/server/notify';
import { recordDataAccess } from '$lib/server/audit';
import { formatDateTime } from '$lib/format';
import { deliveryStatus } from '../status';

export const load = ({ locals, params, url, getClientAddress }) => {
	const user = requirePermission(locals, 'outbox:view', url);
	const e = getOutboxEmail(getDb(), parseId(params.id));
	if (!e) error(404, 'Page not found');
	// A stored email still holding a manage or resume link lets the reader act as its recipient.
	if (withoutSecrets(e.textBody) !== e.textBody) {
		recordDataAccess(getDb(), {
			actor: { staffUserId: user.id, ip: getClientAddress() },
			action: 'personal_data.read',
			what: `an email with a secret link (outbox email ${e.id}, "${e.template}")`,
			rows: 1,
			subjectType: 'email_outbox',
			subjectId: e.id
		});
	}
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
