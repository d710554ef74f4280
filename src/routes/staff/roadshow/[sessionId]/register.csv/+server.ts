import { getDb } from '$lib/server/db';
import { requireSessionToRun } from '$lib/server/roadshow/guard';
import { getSessionRegister } from '$lib/server/roadshow/register';
import { registerCsv } from '$lib/server/roadshow/registerCsv';
import { ukToday } from '$lib/format';
import { recordDataAccess } from '$lib/server/audit';

export const GET = async ({ locals, params, getClientAddress }) => {
	const { user, session } = await requireSessionToRun(locals, params.sessionId);
	const register = (await getSessionRegister(getDb(), session.id))!;
	const csv = registerCsv(register);
	await recordDataAccess(getDb(), {
		actor: { staffUserId: user.id, ip: getClientAddress() },
		action: 'personal_data.downloaded',
		what: `the register CSV for "${session.title}"`,
		rows: register.confirmed.length + register.waiting.length,
		subjectType: 'roadshow_session',
		subjectId: session.id
	});
	const filename = `register-session-${session.id}-${ukToday(session.startsAt)}.csv`;
	// A byte-order mark so Excel reads names with accents as UTF-8.
	return new Response(`\uFEFF${csv}`, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'no-store'
		}
	});
};
