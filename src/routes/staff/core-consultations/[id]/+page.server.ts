import { error, redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { datePartsOf, dateToParts, parseDateParts } from '$lib/server/shared/dateInput';
import {
	allocateMeeting,
	allocationSchema,
	cancelCoreConsultation,
	getCoreConsultation,
	getEvaluation,
	markHeld,
	notifySchool,
	SCHOOL_TYPE_NAMES,
	STATUS_TAGS,
	STRANDS,
	termName,
	THEMES,
	themesOf,
	USEFULNESS_NAMES
} from '$lib/server/coreConsultations';
import { formatDateTime, ukLocalToInstant, ukTimeOfDay, ukToday } from '$lib/format';

async function requireRegistration(id: string) {
	const r = /^\d+$/.test(id) ? await getCoreConsultation(getDb(), Number(id)) : undefined;
	if (!r) error(404, 'There is no such registration');
	return r;
}

export const load = async ({ locals, url, params }) => {
	requirePermission(locals, 'schools:manage', url);
	const r = await requireRegistration(params.id);
	const evaluation = await getEvaluation(getDb(), r.id);
	return {
		id: r.id,
		reference: r.reference,
		school: r.schoolName,
		status: r.status,
		tag: STATUS_TAGS[r.status],
		notice: url.searchParams.get('done'),
		rows: [
			{ key: 'School', value: `${r.schoolName} (${SCHOOL_TYPE_NAMES[r.schoolType]})` },
			{
				key: 'Contact',
				value: `${r.contactName}, ${r.contactRole}\n${r.contactEmail}${r.contactPhone ? `\n${r.contactPhone}` : ''}`
			},
			{ key: 'Kind', value: STRANDS[r.strand].name },
			{ key: 'Term', value: termName(r.term) },
			{
				key: 'Themes',
				value: [
					...themesOf(r).map((t) => THEMES[t as keyof typeof THEMES] ?? t),
					...(r.themesOther ? [r.themesOther] : [])
				].join('\n')
			},
			...(r.meetingAt
				? [
						{
							key: 'Meeting',
							value: `${formatDateTime(r.meetingAt)}\n${r.meetingPlace}\n${r.specialistName}`
						}
					]
				: []),
			...(r.cancelledAt
				? [{ key: 'Cancelled', value: `${formatDateTime(r.cancelledAt)} by the ${r.cancelledBy}` }]
				: [])
		],
		evaluation: evaluation
			? [
					{ key: 'How useful', value: USEFULNESS_NAMES[evaluation.usefulness] },
					{ key: 'What will change', value: evaluation.whatWillChange },
					{ key: 'What else they need', value: evaluation.whatElseNeeded ?? 'Nothing given' }
				]
			: null,
		canMarkHeld: r.status === 'allocated' && !!r.meetingAt && r.meetingAt <= new Date(),
		allocation: {
			specialistName: r.specialistName ?? '',
			meetingPlace: r.meetingPlace ?? '',
			time: r.meetingAt ? ukTimeOfDay(r.meetingAt) : '',
			date: r.meetingAt ? dateToParts(ukToday(r.meetingAt)) : null
		}
	};
};

export const actions = {
	allocate: async ({ request, locals, url, params, getClientAddress }) => {
		const user = requirePermission(locals, 'schools:manage', url);
		const r = await requireRegistration(params.id);
		const form = await request.formData();
		const parsed = parseForm(form, allocationSchema);
		const date = parseDateParts(
			datePartsOf(Object.fromEntries(form), 'date'),
			'the date of the meeting'
		);
		const errors = { ...(parsed.ok ? {} : parsed.errors) };
		if (!date.ok) errors['date-day'] = date.message;
		if (!parsed.ok || !date.ok) {
			const ordered = Object.fromEntries(
				['specialistName', 'date-day', 'time', 'meetingPlace']
					.filter((k) => errors[k])
					.map((k) => [k, errors[k]])
			);
			return invalid(parsed.values, ordered);
		}
		const meetingAt = ukLocalToInstant(date.date, parsed.data.time);
		if (meetingAt <= new Date())
			return invalid(parsed.values, {
				'date-day': 'The date of the meeting must be in the future'
			});
		const db = getDb();
		const wasAllocated = r.status === 'allocated';
		const result = await allocateMeeting(
			db,
			r.id,
			{
				specialistName: parsed.data.specialistName,
				meetingPlace: parsed.data.meetingPlace,
				meetingAt
			},
			{ staffUserId: user.id, ip: getClientAddress() }
		);
		if (!result.ok)
			return invalid(parsed.values, {
				specialistName: `This registration is ${result.reason === 'held' ? 'already held' : 'cancelled'}, so it cannot be given a date`
			});
		if (result.changed)
			void notifySchool(
				db,
				wasAllocated ? 'moved' : 'allocated',
				result.registration,
				result.manageToken
			);
		redirect(303, `/staff/core-consultations/${r.id}?done=allocated`);
	},
	held: async ({ locals, url, params, getClientAddress }) => {
		const user = requirePermission(locals, 'schools:manage', url);
		const r = await requireRegistration(params.id);
		const db = getDb();
		const result = await markHeld(db, r.id, { staffUserId: user.id, ip: getClientAddress() });
		if (!result.ok)
			return invalid(
				{},
				{ held: 'The meeting can be marked as held only after its date and time' }
			);
		if (result.changed)
			void notifySchool(db, 'evaluation', result.registration, result.manageToken);
		redirect(303, `/staff/core-consultations/${r.id}?done=held`);
	},
	cancel: async ({ locals, url, params, getClientAddress }) => {
		const user = requirePermission(locals, 'schools:manage', url);
		const r = await requireRegistration(params.id);
		const db = getDb();
		const result = await cancelCoreConsultation(db, r.id, 'staff', {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!result.ok)
			return invalid({}, { cancel: 'A meeting that has been held cannot be cancelled' });
		if (result.changed) void notifySchool(db, 'cancelled', result.registration);
		redirect(303, `/staff/core-consultations/${r.id}?done=cancelled`);
	}
};
