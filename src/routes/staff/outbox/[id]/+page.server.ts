import { error, redirect } from '@sveltejs/kit';
import { can, requirePermission } from '$lib/server/auth/access';
import { parseId } from '$lib/server/consultations/guard';
import { getDb } from '$lib/server/db';
import { deliverPending, getOutboxEmail, retryMessage, withoutSecrets } from '$lib/server/notify';
import { recordDataAccess } from '$lib/server/audit';
import { formatDateTime } from '$lib/format';
import { channelName, deliveryStatus, emailKindLabel, sentAt } from '../status';

export const load = async ({ locals, params, url, getClientAddress }) => {
	const user = requirePermission(locals, 'outbox:view', url);
	const e = await getOutboxEmail(getDb(), parseId(params.id));
	if (!e) error(404, 'Page not found');
	// Liaison emails hold children's records: only for those who may see liaison data.
	if (e.template.startsWith('liaison_') && !can(user, 'liaison:manage'))
		error(404, 'Page not found');
	// A stored email still holding a manage or resume link lets the reader act as its recipient.
	if (withoutSecrets(e.textBody) !== e.textBody) {
		await recordDataAccess(getDb(), {
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
			channel: e.channel,
			channelName: channelName(e.channel),
			to: e.toAddress,
			subject: e.subject,
			kind: emailKindLabel(e.template),
			text: e.textBody,
			when: formatDateTime(e.createdAt),
			sentAt: sentAt(e) ? formatDateTime(sentAt(e)!) : null,
			status: deliveryStatus(e),
			error: e.error,
			attempts: e.attempts,
			calendar: e.calendarIcs !== null,
			canRetry: e.status === 'failed'
		},
		retried: url.searchParams.get('done') === 'retried'
	};
};

export const actions = {
	retry: async ({ locals, params, url, getClientAddress }) => {
		const user = requirePermission(locals, 'outbox:view', url);
		const id = parseId(params.id);
		const db = getDb();
		if (!(await getOutboxEmail(db, id))) error(404, 'Page not found');
		// Not failed (already retried in another tab, or sent meanwhile): the page shows where it is.
		if (await retryMessage(db, id, { staffUserId: user.id, ip: getClientAddress() }))
			await deliverPending(db);
		redirect(303, `/staff/outbox/${id}?done=retried`);
	}
};
