// Booking answers in words, for the check-answers and manage pages.
import type { AccessNeed } from '../db/schema';
import type { JourneyStep } from './drafts';
import { ACCESS_NEED_LABELS } from './validation';
import { formatUkMobile } from '../shared/mobile';

export type BookingAnswers = {
	bookedBy: 'family' | 'on_behalf';
	organisationName: string | null;
	organisationRole: string | null;
	adults: number;
	children: number;
	contactName: string;
	email: string;
	phone: string | null;
	familyName: string | null;
	familyEmail: string | null;
	familyPhone: string | null;
	accessNeeds: AccessNeed[];
	accessNeedsOther: string | null;
	consentToContact: boolean;
	textMessages?: boolean;
	mobile?: string | null;
};

export type AnswerRow = { key: string; value: string; step: JourneyStep };

export function accessNeedsText(needs: AccessNeed[], other: string | null): string {
	if (needs.length === 0 || needs.includes('none')) return 'None';
	return needs
		.map((n) => (n === 'other' && other ? `Other: ${other}` : ACCESS_NEED_LABELS[n]))
		.join(', ');
}

const orNotGiven = (v: string | null) => v || 'Not given';

export function answerRows(a: BookingAnswers): AnswerRow[] {
	const onBehalf = a.bookedBy === 'on_behalf';
	return [
		{
			key: 'Booking for',
			value: onBehalf ? 'A family, on their behalf' : 'Myself or my family',
			step: 'who'
		},
		...(onBehalf
			? [
					{ key: 'Organisation', value: a.organisationName ?? '', step: 'who' as const },
					{ key: 'Your role', value: a.organisationRole ?? '', step: 'who' as const }
				]
			: []),
		{ key: 'Adults', value: String(a.adults), step: 'places' },
		{ key: 'Children and young people', value: String(a.children), step: 'places' },
		{ key: onBehalf ? 'Your name' : 'Name', value: a.contactName, step: 'contact' },
		{ key: onBehalf ? 'Your email address' : 'Email address', value: a.email, step: 'contact' },
		{
			key: onBehalf ? 'Your telephone number' : 'Telephone number',
			value: orNotGiven(a.phone),
			step: 'contact'
		},
		{
			key: 'Text messages',
			value: a.textMessages && a.mobile ? `Yes, to ${formatUkMobile(a.mobile)}` : 'No',
			step: 'contact'
		},
		...(onBehalf
			? [
					{ key: 'Family’s name', value: orNotGiven(a.familyName), step: 'contact' as const },
					{
						key: 'Family’s email address',
						value: orNotGiven(a.familyEmail),
						step: 'contact' as const
					},
					{
						key: 'Family’s telephone number',
						value: orNotGiven(a.familyPhone),
						step: 'contact' as const
					}
				]
			: []),
		{
			key: 'Access needs',
			value: accessNeedsText(a.accessNeeds, a.accessNeedsOther),
			step: 'access-needs'
		},
		{ key: 'Contact about this session', value: a.consentToContact ? 'Yes' : 'No', step: 'consent' }
	];
}
