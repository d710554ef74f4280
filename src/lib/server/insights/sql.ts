// Small SQL building blocks for the dashboard queries: the filtered set of responses (and of
// roadshow notes), UK calendar days, and what SQLite and PostgreSQL spell differently. Hand-written
// SQL (drizzle `sql` templates through queryRows) keeps every figure one indexed GROUP BY, and lets
// the benchmark time exactly the queries the page runs.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db';
import { engineOf } from '../db/engine';
import { ukLocalToInstant, ukOffsetSpans, type UkOffsetSpan } from '../../format';
import type { InsightFilters } from './filters';

const isPostgres = (db: Db) => engineOf(db).dialect === 'postgres';

/**
 * The rows of a query, with the named columns as numbers: node-postgres gives count() and sum()
 * (bigint, numeric) as strings, SQLite gives numbers. Both engines give the same shapes.
 */
export async function numberRows<T>(db: Db, query: SQL, numeric: (keyof T)[]): Promise<T[]> {
	const rows = await queryRows<T>(db, query);
	if (isPostgres(db))
		for (const row of rows)
			for (const key of numeric)
				if (row[key] !== null) (row as Record<keyof T, unknown>)[key] = Number(row[key]);
	return rows;
}

/**
 * An instant compared with a timestamp column: epoch ms for SQLite's integer columns, an ISO
 * string cast to timestamptz for PostgreSQL's.
 */
export function instantParam(db: Db, ms: number): SQL {
	return isPostgres(db) ? sql`${new Date(ms).toISOString()}::timestamptz` : sql`${ms}`;
}

/** A timestamp column (or expression) read back as epoch ms: a number on both engines. */
export function epochMs(db: Db, instant: SQL): SQL {
	return isPostgres(db) ? sql`(extract(epoch from ${instant}) * 1000)::float8` : instant;
}

/**
 * SQLite's planner hints (INDEXED BY, CROSS JOIN for join order, a unary + that keeps a column
 * off an index), given as `hint`; PostgreSQL, which plans on statistics, gets `otherwise`.
 */
export function sqliteHint(db: Db, hint: string, otherwise = ''): SQL {
	return sql.raw(isPostgres(db) ? otherwise : hint);
}

/** A list of ids as bound parameters, for `IN (…)`. */
export function idList(ids: number[]): SQL {
	return sql.join(
		ids.map((id) => sql`${id}`),
		sql`, `
	);
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

const questionIdsForKey = (consultationId: number, key: string) => sql`SELECT q.id FROM question q
	JOIN questionnaire_version v ON v.id = q.version_id
	JOIN questionnaire qn ON qn.id = v.questionnaire_id
	WHERE qn.consultation_id = ${consultationId} AND q.key = ${key}`;

/**
 * Conditions on `response r` for a consultation's submitted responses that match the filters.
 * "About you" filters are semi-joins on answer(question_id, value, response_id), a covering index.
 */
export function responseConditions(db: Db, consultationId: number, filters: InsightFilters): SQL {
	const parts = [sql`r.consultation_id = ${consultationId}`, sql`r.status = 'submitted'`];
	if (filters.audience) parts.push(sql`r.audience = ${filters.audience}`);
	if (filters.channel) parts.push(sql`r.channel = ${filters.channel}`);
	if (filters.sessionId) parts.push(sql`r.roadshow_session_id = ${filters.sessionId}`);
	const { fromMs, toMs } = dateBounds(filters);
	if (fromMs !== null) parts.push(sql`r.submitted_at >= ${instantParam(db, fromMs)}`);
	if (toMs !== null) parts.push(sql`r.submitted_at < ${instantParam(db, toMs)}`);
	for (const p of filters.profile ?? [])
		parts.push(
			sql`r.id IN (SELECT pa.response_id FROM answer pa WHERE pa.value = ${p.value} AND pa.question_id IN (${questionIdsForKey(consultationId, p.key)}))`
		);
	return sql.join(parts, sql` AND `);
}

const HOUR_MS = 3_600_000;

/** Where a consultation's submitted responses are counted from, and how. */
export type ResponseSource = {
	/** Counted from the responses themselves (`response r`), or from the running totals. */
	rows: boolean;
	/** The FROM clause: `response r`, or the running totals `response_tally t`. */
	from: SQL;
	where: SQL;
	/** The count of responses in a group. */
	count: SQL;
	/** When a response was sent, as the engine keeps instants: the submission, or its hour's start. */
	time: SQL;
	audience: SQL;
	channel: SQL;
	session: SQL;
};

/**
 * The matching responses, from the running totals (response_tally, kept by triggers) unless a
 * filter needs the responses themselves: an "about you" answer, or a time that is not a whole hour.
 */
export function responseSource(
	db: Db,
	consultationId: number,
	filters: InsightFilters
): ResponseSource {
	const { fromMs, toMs } = dateBounds(filters);
	const wholeHours = [fromMs, toMs].every((ms) => ms === null || ms % HOUR_MS === 0);
	if ((filters.profile?.length ?? 0) > 0 || !wholeHours) {
		return {
			rows: true,
			from: sql`response r`,
			where: responseConditions(db, consultationId, filters),
			count: sql`count(*)`,
			time: sql`r.submitted_at`,
			audience: sql`r.audience`,
			channel: sql`r.channel`,
			session: sql`r.roadshow_session_id`
		};
	}
	const parts = [sql`t.consultation_id = ${consultationId}`];
	if (filters.audience) parts.push(sql`t.audience = ${filters.audience}`);
	if (filters.channel) parts.push(sql`t.channel = ${filters.channel}`);
	if (filters.sessionId) parts.push(sql`t.session_key = ${filters.sessionId}`);
	if (fromMs !== null) parts.push(sql`t.hour >= ${fromMs / HOUR_MS}`);
	if (toMs !== null) parts.push(sql`t.hour < ${toMs / HOUR_MS}`);
	return {
		rows: false,
		from: sql`response_tally t`,
		where: sql.join(parts, sql` AND `),
		count: sql`coalesce(sum(t.n), 0)`,
		// Seconds in numeric on PostgreSQL: hours times 3,600,000 would overflow its integer.
		time: isPostgres(db) ? sql`to_timestamp(t.hour * 3600.0)` : sql.raw(`t.hour * ${HOUR_MS}`),
		audience: sql`t.audience`,
		channel: sql`t.channel`,
		session: sql`t.session_key`
	};
}

/**
 * Conditions on `roadshow_note n`. Notes are roadshow feedback with an audience and no "about you"
 * answers, so another channel or any "about you" filter leaves them out.
 */
export function noteConditions(db: Db, consultationId: number, filters: InsightFilters): SQL {
	if ((filters.channel && filters.channel !== 'roadshow') || (filters.profile?.length ?? 0) > 0)
		return sql`false`;
	const parts = [sql`n.consultation_id = ${consultationId}`];
	if (filters.audience) parts.push(sql`n.audience = ${filters.audience}`);
	if (filters.sessionId) parts.push(sql`n.roadshow_session_id = ${filters.sessionId}`);
	const { fromMs, toMs } = dateBounds(filters);
	if (fromMs !== null) parts.push(sql`n.created_at >= ${instantParam(db, fromMs)}`);
	if (toMs !== null) parts.push(sql`n.created_at < ${instantParam(db, toMs)}`);
	return sql.join(parts, sql` AND `);
}

const spansByYears = new Map<string, UkOffsetSpan[]>();

/**
 * SQL for the UK calendar day ('YYYY-MM-DD') of an instant (`time` of a ResponseSource, or a
 * timestamp column) between minMs and maxMs. PostgreSQL knows the Europe/London zone. SQLite knows
 * no time zones, so the summer-time spans of the years in range (from format.ts, the one home of
 * UK time) are written into a CASE as numbers computed here.
 */
export function ukDaySql(db: Db, instant: SQL, minMs: number, maxMs: number): SQL {
	if (isPostgres(db))
		return sql`to_char((${instant} at time zone 'Europe/London')::date, 'YYYY-MM-DD')`;
	const years = `${new Date(minMs).getUTCFullYear()}-${new Date(maxMs).getUTCFullYear()}`;
	let spans = spansByYears.get(years);
	if (!spans) {
		const from = Date.UTC(new Date(minMs).getUTCFullYear(), 0, 1);
		const to = Date.UTC(new Date(maxMs).getUTCFullYear() + 1, 0, 1);
		spansByYears.set(years, (spans = ukOffsetSpans(from, to)));
	}
	const whens = spans.map(
		(s) =>
			sql`WHEN ${instant} >= ${sql.raw(String(s.startMs))} AND ${instant} < ${sql.raw(String(s.endMs))} THEN ${sql.raw(String(s.offsetMs))}`
	);
	const offset = whens.length ? sql`CASE ${sql.join(whens, sql` `)} ELSE 0 END` : sql`0`;
	return sql`date((${instant} + ${offset}) / 1000, 'unixepoch')`;
}
