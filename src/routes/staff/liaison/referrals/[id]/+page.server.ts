import { redirect } from '@sveltejs/kit';
import { getConfig } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import {
	CONCERNS,
	outcomeLetterText,
	recordOutcome,
	sendNewFamilyLink,
	sendOutcomeLetter,
	STATUS_TAGS
} from '$lib/server/liaison';
import { formValues, invalid } from '$lib/server/shared/forms';
import { formatDateTime, formatDeadline } from '$lib/format';
import { requireLiaisonStaff, requireReferral } from '../../liaison.server';

const KINDS = { questionnaire_link: 'Questionnaire link', outcome: 'Outcome letter' } as const;
const CHANNELS = { email: 'Email', letter: 'Letter (to print and post)' } as const;

export const load = async (event) => {
	const { actor } = requireLiaisonStaff(event);
	const record = await requireReferral(event.params.id, actor, 'record page');
	const { referral: r, meeting, group, answers: a } = record;
	const now = new Date();
	const sent = !!r.answersSentAt;
	const questionsSettled = sent || now >= meeting.answersDueAt;
	const letter =
		r.outcomeRecordedAt && !r.removedAt
			? outcomeLetterText(r, meeting, getConfig().COUNCIL_NAME)
			: null;
	return {
		id: r.id,
		child: r.childFirstName,
		tag: STATUS_TAGS[record.status],
		removed: !!r.removedAt,
		notice: event.url.searchParams.get('done'),
		meeting: {
			id: meeting.id,
			group: group.name,
			when: formatDateTime(meeting.meetsAt),
			due: formatDeadline(meeting.answersDueAt)
		},
		details: [
			{
				key: 'Child',
				value: `${r.childFirstName}, ${r.childAgeYears} years ${r.childAgeMonths} months`
			},
			{ key: 'Referred by', value: `${r.referrerName}, ${r.referrerProfession}` },
			{
				key: 'Parent or carer',
				value: [r.parentName, r.parentEmail, r.parentPhone, r.parentAddress]
					.filter(Boolean)
					.join('\n')
			},
			{ key: 'Parent’s agreement', value: r.parentAgreed ? 'Agreed to the referral' : 'Not given' },
			{ key: 'Meeting', value: `${group.name}, ${formatDateTime(meeting.meetsAt)}` }
		],
		answers: sent
			? [
					{ key: 'What is going well', value: a.goingWell ?? '' },
					{
						key: 'What they are worried about',
						value: [
							...(a.concerns ?? []).map((c) => CONCERNS[c] ?? c),
							...(a.concernsOther ? [`Something else: ${a.concernsOther}`] : [])
						].join('\n')
					},
					{
						key: 'Their questions',
						value: a.questions?.length
							? a.questions.map((q, i) => `${i + 1}. ${q}`).join('\n')
							: 'No questions'
					},
					{ key: 'Who else supports them', value: a.support ?? '' },
					{
						key: 'How they would like our reply',
						value: a.reply === 'letter' ? `By letter to:\n${a.replyAddress ?? ''}` : 'By email'
					}
				]
			: null,
		answering: !sent && now < meeting.answersDueAt,
		started: !!r.answersStartedAt,
		canRecordOutcome: questionsSettled && !r.letterSentAt && !r.removedAt,
		questions: sent ? (a.questions ?? []) : [],
		outcome: { text: r.outcome ?? '', replies: record.replies },
		letter,
		canSend: !!r.outcomeRecordedAt && !r.letterSentAt && !r.removedAt,
		wantsLetter: a.reply === 'letter',
		letterSentAt: r.letterSentAt ? formatDateTime(r.letterSentAt) : null,
		letters: record.letters.map((l) => ({
			id: l.id,
			when: formatDateTime(l.sentAt),
			what: KINDS[l.kind],
			how: CHANNELS[l.channel],
			to: l.sentTo,
			by: l.sentByName ?? ''
		}))
	};
};

export const actions = {
	outcome: async (event) => {
		const { actor } = requireLiaisonStaff(event);
		const { referral } = await requireReferral(event.params.id, actor, 'recording the outcome');
		const values = formValues(await event.request.formData());
		const text = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
		const result = await recordOutcome(
			getDb(),
			referral,
			{ outcome: text('outcome'), replies: [1, 2, 3].map((n) => text(`reply${n}`)) },
			actor
		);
		if (result.ok) redirect(303, `/staff/liaison/referrals/${referral.id}?done=outcome`);
		if ('errors' in result) return invalid(values, result.errors);
		const why = {
			letter_sent: 'The outcome letter has been sent, so the outcome cannot be changed',
			still_answering:
				'The family’s questions have changed or are not sent yet. Reload the page to see their latest answers.',
			not_found: 'This child’s details have been removed'
		}[result.reason];
		return invalid(values, { outcome: why });
	},
	send: async (event) => {
		const { actor } = requireLiaisonStaff(event);
		const { referral, meeting } = await requireReferral(
			event.params.id,
			actor,
			'sending the letter'
		);
		const result = await sendOutcomeLetter(
			getDb(),
			referral,
			meeting,
			getConfig().COUNCIL_NAME,
			actor
		);
		// Sent by another tab or a double click: the page shows the one letter that went.
		if (!result.ok && result.reason === 'no_outcome')
			return invalid({}, { send: 'Record the outcome before sending the letter' });
		redirect(303, `/staff/liaison/referrals/${referral.id}?done=sent`);
	},
	link: async (event) => {
		const { actor } = requireLiaisonStaff(event);
		const { referral } = await requireReferral(event.params.id, actor, 'sending a new link');
		const result = await sendNewFamilyLink(getDb(), referral.id, actor);
		if (!result.ok)
			return invalid(
				{},
				{
					link:
						result.reason === 'sent'
							? 'The family has already sent their answers'
							: 'The questionnaire has closed, so a new link would not work'
				}
			);
		redirect(303, `/staff/liaison/referrals/${referral.id}?done=link`);
	}
};
