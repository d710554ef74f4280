import { getDb } from '$lib/server/db';
import { requireSessionToRun } from '$lib/server/roadshow/guard';
import { getSessionRegister } from '$lib/server/roadshow/register';
import { registerCsv } from '$lib/server/roadshow/registerCsv';
import { ukToday } from '$lib/format';

export const GET = ({ locals, params }) => {
	const { session } = requireSessionToRun(locals, params.sessionId);
	const csv = registerCsv(getSessionRegister(getDb(), session.id)!);
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
