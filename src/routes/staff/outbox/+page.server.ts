import { error } from '@sveltejs/kit';
import { can, requirePermission } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { listOutbox } from '$lib/server/notify';
import { formatDateTime } from '$lib/format';
import { channelName, deliveryStatus, emailKindLabel } from './status';

export const load = async ({ locals, url }) => {
	const user = requirePermission(locals, 'outbox:view', url);
	const param = url.searchParams.get('page') ?? '1';
	if (!/^[1-9]\d{0,6}$/.test(param)) error(404, 'Page not found');
	const result = await listOutbox(getDb(), {
		page: Number(param),
		hideTemplatePrefix: can(user, 'liaison:manage') ? undefined : 'liaison_'
	});
	if (result.page !== Number(param)) error(404, 'Page not found');
	return {
		emails: result.emails.map((e) => ({
			id: e.id,
			to: e.toAddress,
			subject: e.subject,
			kind: emailKindLabel(e.template),
			channel: channelName(e.channel),
			when: formatDateTime(e.createdAt),
			status: deliveryStatus(e)
		})),
		page: result.page,
		pageCount: result.pageCount,
		total: result.total
	};
};
