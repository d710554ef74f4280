// Small SQL building blocks for the dashboard queries: the filtered set of responses (and of
// roadshow notes), and UK calendar days. Raw SQL through better-sqlite3 keeps every figure one
// indexed GROUP BY, and lets the benchmark time exactly the queries the page runs.
import type Database from 'better-sqlite3';
import type { Db } from '../db';
import { ukLocalToInstant, ukOffsetSpans, type UkOffsetSpan } from '../../format';
import type { InsightFilters } from './filters';

export type Fragment = { text: string; params: unknown[] };

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement prepared once per connection and SQL text. */
export function prepared(db: Db, text: string): Database.Statement {
	let byText = cache.get(db.$client);
	if (!byText) cache.set(db.$client, (byText = new Map()));
	let statement = byText.get(text);
	if (!statement) byText.set(text, (statement = db.$client.prepare(text)));
	return statement;
}

export function all<T>(db: Db, f: Fragment): T[] {
	return prepared(db, f.text).all(...f.params) as T[];
}

export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** Start of the UK day `from`, and start of the UK day after `to` (exclusive), in epoch ms. */
export function dateBounds(filters: InsightFilters): {
	fromMs: number | null;
	toMs: number | null;
} {
	return {
		fromMs: filters.from ? ukLocalToInstant(filters.from, '00:00').getTime() : null,
		toMs: filters.to ? ukLocalToInstant(addDays(filters.to, 1), '00:00').getTime() : null
	};
}

const questionIdsForKey = `SELECT q.id FROM question q
	JOIN questionnaire_version v ON v.id = q.version_id
	JOIN questionnaire qn ON qn.id = v.questionnaire_id
	WHERE qn.consultation_id = ? AND q.key = ?`;

/**
 * Conditions on `response r` for a consultation's submitted responses that match the filters.
 * "About you" filters are semi-joins on answer(question_id, value, response_id), a covering index.
 */
export function responseConditions(
	consultationId: number,
	filters: InsightFilters,
	alias = 'r'
): Fragment {
	const parts = [`${alias}.consultation_id = ?`, `${alias}.status = 'submitted'`];
	const params: unknown[] = [consultationId];
	if (filters.audience) {
		parts.push(`${alias}.audience = ?`);
		params.push(filters.audience);
	}
	if (filters.channel) {
		parts.push(`${alias}.channel = ?`);
		params.push(filters.channel);
	}
	if (filters.sessionId) {
		parts.push(`${alias}.roadshow_session_id = ?`);
		params.push(filters.sessionId);
	}
	const { fromMs, toMs } = dateBounds(filters);
	if (fromMs !== null) {
		parts.push(`${alias}.submitted_at >= ?`);
		params.push(fromMs);
	}
	if (toMs !== null) {
		parts.push(`${alias}.submitted_at < ?`);
		params.push(toMs);
	}
	for (const p of filters.profile ?? []) {
		parts.push(
			`${alias}.id IN (SELECT pa.response_id FROM answer pa WHERE pa.value = ? AND pa.question_id IN (${questionIdsForKey}))`
		);
		params.push(p.value, consultationId, p.key);
	}
	return { text: parts.join(' AND '), params };
}

const HOUR_MS = 3_600_000;

/** Where a consultation's submitted responses are counted from, and how. */
export type ResponseSource = {
	/** The FROM clause: `response r`, or the running totals `response_tally t`. */
	from: string;
	where: Fragment;
	/** The count of responses in a group. */
	count: string;
	/** An epoch-ms time for "responses over time": the submission, or the start of its hour. */
	time: string;
	audience: string;
	channel: string;
	session: string;
};

/**
 * The matching responses, from the running totals (response_tally, kept by triggers) unless a
 * filter needs the responses themselves: an "about you" answer, or a time that is not a whole hour.
 */
export function responseSource(consultationId: number, filters: InsightFilters): ResponseSource {
	const { fromMs, toMs } = dateBounds(filters);
	const wholeHours = [fromMs, toMs].every((ms) => ms === null || ms % HOUR_MS === 0);
	if ((filters.profile?.length ?? 0) > 0 || !wholeHours) {
		return {
			from: 'response r',
			where: responseConditions(consultationId, filters),
			count: 'count(*)',
			time: 'r.submitted_at',
			audience: 'r.audience',
			channel: 'r.channel',
			session: 'r.roadshow_session_id'
		};
	}
	const parts = ['t.consultation_id = ?'];
	const params: unknown[] = [consultationId];
	const add = (condition: string, value: unknown) => {
		parts.push(condition);
		params.push(value);
	};
	if (filters.audience) add('t.audience = ?', filters.audience);
	if (filters.channel) add('t.channel = ?', filters.channel);
	if (filters.sessionId) add('t.session_key = ?', filters.sessionId);
	if (fromMs !== null) add('t.hour >= ?', fromMs / HOUR_MS);
	if (toMs !== null) add('t.hour < ?', toMs / HOUR_MS);
	return {
		from: 'response_tally t',
		where: { text: parts.join(' AND '), params },
		count: 'coalesce(sum(t.n), 0)',
		time: `t.hour * ${HOUR_MS}`,
		audience: 't.audience',
		channel: 't.channel',
		session: 't.session_key'
	};
}

/**
 * Conditions on `roadshow_note n`. Notes are roadshow feedback with an audience and no "about you"
 * answers, so another channel or any "about you" filter leaves them out.
 */
export function noteConditions(
	consultationId: number,
	filters: InsightFilters,
	alias = 'n'
): Fragment {
	if ((filters.channel && filters.channel !== 'roadshow') || (filters.profile?.length ?? 0) > 0)
		return { text: '0', params: [] };
	const parts = [`${alias}.consultation_id = ?`];
	const params: unknown[] = [consultationId];
	if (filters.audience) {
		parts.push(`${alias}.audience = ?`);
		params.push(filters.audience);
	}
	if (filters.sessionId) {
		parts.push(`${alias}.roadshow_session_id = ?`);
		params.push(filters.sessionId);
	}
	const { fromMs, toMs } = dateBounds(filters);
	if (fromMs !== null) {
		parts.push(`${alias}.created_at >= ?`);
		params.push(fromMs);
	}
	if (toMs !== null) {
		parts.push(`${alias}.created_at < ?`);
		params.push(toMs);
	}
	return { text: parts.join(' AND '), params };
}

const spansByYears = new Map<string, UkOffsetSpan[]>();

/**
 * SQL for the UK calendar day ('YYYY-MM-DD') of an epoch-ms column. SQLite knows no time zones,
 * so the summer-time spans of the years in range (from format.ts, the one home of UK time) are
 * written into a CASE. Whole years keep the SQL text, and its prepared statement, the same all year.
 */
export function ukDaySql(column: string, minMs: number, maxMs: number): string {
	const years = `${new Date(minMs).getUTCFullYear()}-${new Date(maxMs).getUTCFullYear()}`;
	let spans = spansByYears.get(years);
	if (!spans) {
		const from = Date.UTC(new Date(minMs).getUTCFullYear(), 0, 1);
		const to = Date.UTC(new Date(maxMs).getUTCFullYear() + 1, 0, 1);
		spansByYears.set(years, (spans = ukOffsetSpans(from, to)));
	}
	const whens = spans.map(
		(s) => `WHEN ${column} >= ${s.startMs} AND ${column} < ${s.endMs} THEN ${s.offsetMs}`
	);
	const offset = whens.length ? `CASE ${whens.join(' ')} ELSE 0 END` : '0';
	return `date((${column} + ${offset}) / 1000, 'unixepoch')`;
}
