// The rate limits on public forms, in one table. A public form is limited by adding a row to
// PUBLIC_FORM_LIMITS (its route id and action); the hook in hooks.server.ts does the rest.
// Every number can be changed with the RATE_LIMITS setting (see the README).

/** One limit: at most `points` requests in `seconds`. */
export type Limit = { points: number; seconds: number; what: string };

export const LIMITS = {
	// A school booking for several families from one address must fit comfortably in these.
	booking_start_address: { points: 20, seconds: 600, what: 'booking starts from one address' },
	booking_step_address: { points: 300, seconds: 600, what: 'booking answers from one address' },
	booking_email_address: { points: 10, seconds: 3600, what: 'bookings for one email address' },
	booking_confirm_address: { points: 20, seconds: 3600, what: 'bookings from one address' },
	booking_confirm_session: {
		points: 8,
		seconds: 3600,
		what: 'bookings for one session from one address'
	},
	questionnaire_start_address: {
		points: 30,
		seconds: 600,
		what: 'questionnaires started from one address'
	},
	questionnaire_answer_address: {
		points: 1000,
		seconds: 600,
		what: 'questionnaire answers from one address'
	},
	link_request_address: {
		points: 10,
		seconds: 3600,
		what: 'link emails asked for from one address'
	},
	link_request_email: {
		points: 10,
		seconds: 3600,
		what: 'link emails asked for one email address'
	},
	// A school office on one address may give feedback from several computers behind it.
	page_feedback_address: {
		points: 60,
		seconds: 600,
		what: '"Was this page helpful?" answers and comments from one address'
	},
	// A trust registering its schools one after another fits; a script filling the list does not.
	school_registration_address: {
		points: 20,
		seconds: 3600,
		what: 'core consultation registrations from one address'
	},
	school_registration_email: {
		points: 10,
		seconds: 3600,
		what: 'core consultation registrations for one email address'
	},
	// A family's pre-school liaison questionnaire: five pages and a check page, with room to go back.
	liaison_answer_address: {
		points: 300,
		seconds: 600,
		what: 'pre-school liaison answers from one address'
	},
	school_manage_address: {
		points: 30,
		seconds: 600,
		what: 'core consultation cancellations and evaluations from one address'
	}
} satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

/**
 * What a limit counts: the client's address; the email address typed in a form field; or a
 * roadshow session (from the route's sessionId) together with the client's address.
 */
export type CountBy = 'address' | { field: string } | { param: string; withAddress: true };

export type FormLimit = { routeId: string; action: string; limits: [LimitName, CountBy][] };

const book = '/consultations/[slug]/sessions/[sessionId]/book';
const journey = '/consultations/[slug]/questionnaires/[audience]';
const bookingStep = (step: string, extra: [LimitName, CountBy][] = []): FormLimit => ({
	routeId: `${book}/[draftId]/${step}`,
	action: 'default',
	limits: [['booking_step_address', 'address'], ...extra]
});
const confirm = (action: string): FormLimit => ({
	routeId: `${book}/[draftId]/confirm`,
	action,
	limits: [
		['booking_confirm_address', 'address'],
		['booking_confirm_session', { param: 'sessionId', withAddress: true }]
	]
});
const linkRequest = (routeId: string): FormLimit => ({
	routeId,
	action: 'default',
	limits: [
		['link_request_address', 'address'],
		['link_request_email', { field: 'email' }]
	]
});
const answer = (routeId: string, action: string): FormLimit => ({
	routeId,
	action,
	limits: [['questionnaire_answer_address', 'address']]
});

const schoolManage = (step: string): FormLimit => ({
	routeId: `/core-consultations/manage/[token]/${step}`,
	action: 'default',
	limits: [['school_manage_address', 'address']]
});

export const PUBLIC_FORM_LIMITS: FormLimit[] = [
	{ routeId: book, action: 'default', limits: [['booking_start_address', 'address']] },
	bookingStep('who'),
	bookingStep('places'),
	bookingStep('contact', [['booking_email_address', { field: 'email' }]]),
	bookingStep('access-needs'),
	bookingStep('consent'),
	confirm('book'),
	confirm('wait'),
	linkRequest('/bookings/lost-link'),
	linkRequest(`${journey}/r/[token]/saved`),
	{
		routeId: journey,
		action: 'start',
		limits: [['questionnaire_start_address', 'address']]
	},
	answer(`${journey}/r/[token]/q/[key]`, 'answer'),
	answer(`${journey}/r/[token]/q/[key]`, 'save'),
	answer(`${journey}/r/[token]/check`, 'default'),
	{ routeId: '/page-feedback', action: 'default', limits: [['page_feedback_address', 'address']] },
	{
		routeId: '/page-feedback/[token]',
		action: 'default',
		limits: [['page_feedback_address', 'address']]
	},
	{
		routeId: '/core-consultations/register',
		action: 'default',
		limits: [
			['school_registration_address', 'address'],
			['school_registration_email', { field: 'contactEmail' }]
		]
	},
	schoolManage('cancel'),
	schoolManage('evaluate'),
	// The family's questionnaire behind its secret link (pages on the issue-14 branch).
	{
		routeId: '/pre-school-liaison/[token]/[question]',
		action: 'default',
		limits: [['liaison_answer_address', 'address']]
	},
	{
		routeId: '/pre-school-liaison/[token]/check',
		action: 'default',
		limits: [['liaison_answer_address', 'address']]
	}
];

/** The row for a form post, if its form is limited. */
export function findFormLimit(
	routeId: string | null,
	action: string,
	table: FormLimit[] = PUBLIC_FORM_LIMITS
): FormLimit | undefined {
	return table.find((row) => row.routeId === routeId && row.action === action);
}

/** The action a post asks for: "?/book" is "book", a plain post is "default". */
export function actionName(search: URLSearchParams): string {
	const named = [...search.keys()].find((k) => k.startsWith('/'));
	return named ? named.slice(1) : 'default';
}

/**
 * RATE_LIMITS overrides numbers, e.g. "booking_start_address=40/600,link_request_email=5/3600"
 * (requests / seconds). An unknown name or a malformed entry is an error at start-up, so a
 * mistyped setting never silently leaves a limit at its default.
 */
export function parseLimitOverrides(setting: string | undefined): Record<LimitName, Limit> {
	const limits: Record<string, Limit> = structuredClone(LIMITS);
	for (const entry of (setting ?? '')
		.split(',')
		.map((e) => e.trim())
		.filter(Boolean)) {
		const match = /^([a-z_]+)=(\d+)\/(\d+)$/.exec(entry);
		if (!match || !(match[1] in limits) || Number(match[2]) < 1 || Number(match[3]) < 1)
			throw new Error(`RATE_LIMITS: cannot read "${entry}" (expected name=requests/seconds)`);
		limits[match[1]] = { ...limits[match[1]], points: Number(match[2]), seconds: Number(match[3]) };
	}
	return limits as Record<LimitName, Limit>;
}

/** "Try again in 10 minutes." — rounded up, so the person never comes back too early. */
export function retryMessage(seconds: number): string {
	const minutes = Math.max(1, Math.ceil(seconds / 60));
	if (minutes < 60) return `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
	const hours = Math.ceil(minutes / 60);
	return `Try again in ${hours} hour${hours === 1 ? '' : 's'}.`;
}

export const TOO_MANY = 'You have tried this too many times.';
