// Dashboard filters from the page address, so a filtered view can be shared as a link. Every value
// is checked against this consultation's own lists: an unknown value gives a message by its field,
// never an error page and never another consultation's data.
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db';
import { audienceCodes, channelCodes, type Audience, type Channel } from '../db/schema';
import { audienceLabels, channelLabels } from '../questionnaires/audiences';
import { formatDate } from '../../format';
import { addDays, epochMs } from './sql';

/** "About you" questions the dashboard filters by: URL parameter → question key shared across audiences. */
export const PROFILE_FILTERS = [
	{ param: 'ageBand', key: 'age-band', label: 'Age of the child or young person', noun: 'an age' },
	{ param: 'need', key: 'type-of-need', label: 'Type of need', noun: 'a type of need' },
	{
		param: 'support',
		key: 'support-level',
		label: 'EHC plan or SEN support',
		noun: 'a level of support'
	},
	{ param: 'setting', key: 'setting', label: 'Setting', noun: 'a setting' }
] as const;

export type ProfileParam = (typeof PROFILE_FILTERS)[number]['param'];
export type ProfileFilter = { key: string; value: string };

export type InsightFilters = {
	audience?: Audience | null;
	channel?: Channel | null;
	/** A roadshow session of the same consultation. */
	sessionId?: number | null;
	/** UK calendar dates 'YYYY-MM-DD', both inclusive. */
	from?: string | null;
	to?: string | null;
	/** Responses that gave this answer to the "about you" question with this key. */
	profile?: ProfileFilter[];
};

export type Option = { value: string; text: string };
export type FilterOptions = {
	sessions: Option[];
	profile: { param: ProfileParam; key: string; label: string; noun: string; options: Option[] }[];
};

export const FILTER_FIELDS = [
	'audience',
	'channel',
	'session',
	'from',
	'to',
	...PROFILE_FILTERS.map((p) => p.param)
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export const audienceOptions: Option[] = audienceCodes.map((value) => ({
	value,
	text: audienceLabels[value]
}));
export const channelOptions: Option[] = channelCodes.map((value) => ({
	value,
	text: channelLabels[value]
}));

/** The sessions and "about you" answers this consultation has, for the selects and for checking values. */
export async function loadFilterOptions(db: Db, consultationId: number): Promise<FilterOptions> {
	const sessions = await queryRows<{ id: number; title: string; startsAt: number }>(
		db,
		sql`SELECT id, title, ${epochMs(db, sql`starts_at`)} AS "startsAt" FROM roadshow_session
			WHERE consultation_id = ${consultationId} ORDER BY starts_at, id`
	);
	// Labels from the adults' wording first (young people's questions are in Easy Read).
	const rows = await queryRows<{ key: string; value: string; label: string }>(
		db,
		sql`SELECT q.key, o.value, o.label FROM question q
			JOIN questionnaire_version v ON v.id = q.version_id
			JOIN questionnaire qn ON qn.id = v.questionnaire_id
			JOIN question_option o ON o.question_id = q.id
			WHERE qn.consultation_id = ${consultationId} AND q.is_profile
			AND q.key IN (${sql.join(
				PROFILE_FILTERS.map((p) => sql`${p.key}`),
				sql`, `
			)})
			ORDER BY CASE qn.audience WHEN 'parents_carers' THEN 0 WHEN 'practitioners' THEN 1 ELSE 2 END, v.number DESC, o.position`
	);
	return {
		sessions: sessions.map((s) => ({
			value: String(s.id),
			text: `${s.title}, ${formatDate(new Date(s.startsAt))}`
		})),
		profile: PROFILE_FILTERS.map((p) => {
			const seen = new Map<string, string>();
			for (const r of rows) if (r.key === p.key && !seen.has(r.value)) seen.set(r.value, r.label);
			return { ...p, options: [...seen].map(([value, text]) => ({ value, text })) };
		})
	};
}

const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((s) => {
		const d = new Date(`${s}T12:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
	});

const blankable = z
	.string()
	.trim()
	.max(200)
	.optional()
	.transform((v) => (v ? v : undefined));

export type ParsedFilters = {
	/** Only the values that passed: the figures follow these. */
	filters: InsightFilters;
	/** What was asked for, as typed, to fill the form again. */
	values: Partial<Record<FilterField, string>>;
	errors: Partial<Record<FilterField, string>>;
	/** Any filter set (valid or not). */
	active: boolean;
};

/** Reads filters from a URL's query; never throws. */
export function parseFilters(params: URLSearchParams, options: FilterOptions): ParsedFilters {
	const values: ParsedFilters['values'] = {};
	for (const field of FILTER_FIELDS) {
		const parsed = blankable.safeParse(params.get(field) ?? undefined);
		const value = parsed.success ? parsed.data : (params.get(field) ?? '').slice(0, 200);
		if (value) values[field] = value;
	}
	const errors: ParsedFilters['errors'] = {};
	const filters: InsightFilters = { profile: [] };

	const audience = z.enum(audienceCodes).safeParse(values.audience);
	if (values.audience && !audience.success) errors.audience = 'Select an audience from the list';
	else if (audience.success) filters.audience = audience.data;

	const channel = z.enum(channelCodes).safeParse(values.channel);
	if (values.channel && !channel.success)
		errors.channel = 'Select a way of responding from the list';
	else if (channel.success) filters.channel = channel.data;

	if (values.session) {
		if (options.sessions.some((s) => s.value === values.session))
			filters.sessionId = Number(values.session);
		else errors.session = 'Select a roadshow session of this consultation from the list';
	}

	for (const [field, label] of [
		['from', 'start'],
		['to', 'end']
	] as const) {
		const value = values[field];
		if (!value) continue;
		if (isoDate.safeParse(value).success) filters[field] = value;
		else
			errors[field] =
				`The ${label} date must be a real date in the format YYYY-MM-DD, like 2026-06-01`;
	}
	if (filters.from && filters.to && filters.to < filters.from) {
		errors.to = 'The end date must be the same as or after the start date';
		filters.to = null;
	}

	for (const p of options.profile) {
		const value = values[p.param];
		if (!value) continue;
		if (p.options.some((o) => o.value === value)) filters.profile!.push({ key: p.key, value });
		else errors[p.param] = `Select ${p.noun} from the list`;
	}
	return { filters, values, errors, active: Object.keys(values).length > 0 };
}

/**
 * Every day the consultation is open, for the date selects, plus a valid filter date outside it.
 * Only checked dates are added: a made-up one like 2026-13-45 cannot be formatted.
 */
export function dayOptions(
	opensOn: string,
	closesOn: string,
	filters: Pick<InsightFilters, 'from' | 'to'>
): Option[] {
	const days = new Set<string>();
	for (let d = opensOn; d <= closesOn && days.size < 400; d = addDays(d, 1)) days.add(d);
	for (const d of [filters.from, filters.to]) if (d) days.add(d);
	return [...days].sort().map((value) => ({ value, text: formatDate(value) }));
}

/** The filters as a query string ("?audience=…&need=…", or "") for links to exports and the report. */
export function filterQuery(values: ParsedFilters['values']): string {
	const params = new URLSearchParams();
	for (const field of FILTER_FIELDS) if (values[field]) params.set(field, values[field]!);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** "Parents and carers; Online; From 1 June 2026": the filters in words, for captions and exports. */
export function describeFilters(filters: InsightFilters, options: FilterOptions): string {
	const parts: string[] = [];
	if (filters.audience) parts.push(audienceLabels[filters.audience]);
	if (filters.channel) parts.push(channelLabels[filters.channel]);
	if (filters.sessionId)
		parts.push(
			`Session: ${options.sessions.find((s) => s.value === String(filters.sessionId))?.text ?? ''}`
		);
	if (filters.from) parts.push(`From ${formatDate(filters.from)}`);
	if (filters.to) parts.push(`To ${formatDate(filters.to)}`);
	for (const f of filters.profile ?? []) {
		const p = options.profile.find((x) => x.key === f.key);
		parts.push(
			`${p?.label ?? f.key}: ${p?.options.find((o) => o.value === f.value)?.text ?? f.value}`
		);
	}
	return parts.length ? parts.join('; ') : 'No filters: everyone who responded';
}
