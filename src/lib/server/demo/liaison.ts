// A Norfolk-style pre-school liaison group, written through the liaison domain as staff and
// families would have written it: one meeting already held with its outcome letters sent, and one
// next month with three children referred (answers sent, answers saved part-way, not started).
import { eq } from 'drizzle-orm';
import { type Db, firstRow } from '../db';
import { liaisonReferral, staffUser } from '../db/schema';
import { getConfig } from '../config';
import { ukLocalToInstant, ukToday } from '../../format';
import {
	addMeeting,
	addReferral,
	createGroup,
	PROFESSIONS,
	recordOutcome,
	referralSchema,
	saveAnswer,
	sendOutcomeLetter,
	submitAnswers,
	type QuestionKey
} from '../liaison';
import type { LiaisonMeeting } from '../db/schema';
import { addDays } from './dates';

const MEMBERS = [
	'Helen Brooks',
	'Dr Amir Hussain',
	'Dr Kate Ellis',
	'Gemma Watts',
	'Lucy Barnard',
	'Ruth Gale',
	'Nicola Fenn',
	'Julie Cattermole',
	'Mark Dunn',
	'Sarah Platten'
];

type Family = {
	child: [string, number, number];
	referrer: [string, string];
	parent: [string, string, string | null];
	answers: Partial<Record<QuestionKey, Record<string, unknown>>>;
	outcome?: { text: string; replies: string[] };
};

/** The meeting already held: both families answered, and both letters have gone. */
const HELD: Family[] = [
	{
		child: ['Maya', 3, 4],
		referrer: ['Ruth Gale', 'Specialist health visitor'],
		parent: ['Sam Hill', 'sam.hill@example.org', '4 Mill Lane\nDereham\nNR19 1AB'],
		answers: {
			'going-well': { goingWell: 'She loves books and sings all the time at home.' },
			concerns: { concerns: ['talking', 'sleeping'] },
			questions: { question1: 'Will she need speech therapy?', question2: 'Can nursery help?' },
			support: { support: 'Portage every fortnight and her nan.' },
			reply: { reply: 'letter', replyAddress: '4 Mill Lane\nDereham\nNR19 1AB' }
		},
		outcome: {
			text: 'The group agreed Maya should see the speech and language therapy team. They will write to you with an appointment. Portage will carry on every fortnight.',
			replies: [
				'Yes. Weekly sessions at the children’s centre from January, for one term to start with.',
				'Yes. The speech and language therapist will visit her nursery and show staff what helps.'
			]
		}
	},
	{
		child: ['Leo', 2, 9],
		referrer: ['Gemma Watts', 'Senior paediatric physiotherapist'],
		parent: ['Dan Oakes', 'dan.oakes@example.org', null],
		answers: {
			'going-well': { goingWell: 'Leo is very sociable and loves the water.' },
			concerns: { concerns: ['moving', 'eating'], concernsOther: 'He gets tired quickly' },
			questions: { question1: 'Is there a swimming group for children like Leo?' },
			support: { support: 'No one' },
			reply: { reply: 'email' }
		},
		outcome: {
			text: 'The group agreed Leo will have physiotherapy at home once a month, and the occupational therapist will look at a seat to help him at mealtimes.',
			replies: [
				'Yes. The disability coordinator will send you details of the Saturday pool sessions in Dereham.'
			]
		}
	}
];

/** The meeting next month: one family has sent answers, one is part-way, one has not started. */
const COMING: Family[] = [
	{
		child: ['Ava', 4, 1],
		referrer: ['Dr Amir Hussain', 'Community paediatrician'],
		parent: ['Priya Rao', 'priya.rao@example.org', '12 Church Street\nSwaffham\nPE37 7AA'],
		answers: {
			'going-well': { goingWell: 'Ava has started to say a few words and loves the park.' },
			concerns: { concerns: ['talking', 'behaviour', 'play'] },
			questions: {
				question1: 'Will Ava be ready for school in September?',
				question2: 'Who can help when she gets upset in busy places?'
			},
			support: { support: 'Her childminder and the health visitor.' },
			reply: { reply: 'email' }
		}
	},
	{
		child: ['Noah', 1, 11],
		referrer: ['Lucy Barnard', 'Sensory support practitioner'],
		parent: ['Emma Clarke', 'emma.clarke@example.org', null],
		answers: {
			'going-well': { goingWell: 'Noah is crawling everywhere and laughs a lot.' },
			concerns: { concerns: ['seeing_hearing'] }
		}
	},
	{
		child: ['Isla', 3, 0],
		referrer: ['Julie Cattermole', 'Portage practitioner'],
		parent: ['Chloe Ward', 'chloe.ward@example.org', '7 Brandon Road\nThetford\nIP24 3ND'],
		answers: {}
	}
];

/** The first Tuesday on or after the 8th of next month, UK dates. */
function nextMonthMeetingDay(today: string): string {
	const [y, m] = today.split('-').map(Number);
	const first = m === 12 ? `${y + 1}-01-08` : `${y}-${String(m + 1).padStart(2, '0')}-08`;
	const weekday = new Date(`${first}T12:00:00Z`).getUTCDay();
	return addDays(first, (2 - weekday + 7) % 7);
}

async function refer(
	db: Db,
	meeting: LiaisonMeeting,
	f: Family,
	actor: { staffUserId: number },
	at: Date
) {
	const [childFirstName, years, months] = f.child;
	const [parentName, parentEmail, parentAddress] = f.parent;
	const added = await addReferral(
		db,
		meeting.id,
		referralSchema.parse({
			childFirstName,
			childAgeYears: String(years),
			childAgeMonths: String(months),
			referrerName: f.referrer[0],
			referrerProfession: f.referrer[1],
			parentName,
			parentEmail,
			parentAddress: parentAddress ?? '',
			parentAgreed: 'yes'
		}),
		actor,
		at
	);
	if (!added.ok) throw new Error(`demo referral not added: ${added.reason}`);
	return added;
}

/** The family answers page by page, a day after the referral, and sends once every page is done. */
async function answer(db: Db, token: string, f: Family, at: Date): Promise<void> {
	for (const [key, values] of Object.entries(f.answers) as [
		QuestionKey,
		Record<string, unknown>
	][]) {
		const saved = await saveAnswer(db, token, key, values, at);
		if (!saved.ok) throw new Error(`demo answer not saved: ${key}`);
	}
	if (Object.keys(f.answers).length === 5 && !(await submitAnswers(db, token, at)).ok)
		throw new Error('demo answers not sent');
}

export async function seedLiaison(db: Db, now: Date): Promise<void> {
	const today = ukToday(now);
	const staff = firstRow(
		await db
			.select({ id: staffUser.id })
			.from(staffUser)
			.where(eq(staffUser.role, 'liaison'))
			.limit(1)
	);
	if (!staff) throw new Error('the demo liaison account comes first');
	const actor = { staffUserId: staff.id };
	const council = getConfig().COUNCIL_NAME;
	const at = (days: number, time = '10:00') => ukLocalToInstant(addDays(today, days), time);

	const group = await createGroup(
		db,
		{
			name: 'Breckland pre-school liaison group',
			area: 'Breckland: Dereham, Swaffham, Thetford, Watton and Attleborough',
			members: PROFESSIONS.map((profession, i) => ({ profession, name: MEMBERS[i] }))
		},
		actor,
		at(-120)
	);

	// Held six weeks ago; the letters went the week after.
	const held = await addMeeting(
		db,
		group.id,
		{
			meetsAt: at(-42, '09:30'),
			answersDueAt: at(-48, '23:59'),
			venue: 'Dereham Children’s Centre, Moorgate Road'
		},
		actor,
		at(-75)
	);
	for (const f of HELD) {
		const { referral, token } = await refer(db, held, f, actor, at(-70));
		await answer(db, token, f, at(-62));
		const row = firstRow(
			await db.select().from(liaisonReferral).where(eq(liaisonReferral.id, referral.id)).limit(1)
		)!;
		const recorded = await recordOutcome(
			db,
			row,
			{ outcome: f.outcome!.text, replies: f.outcome!.replies },
			actor,
			at(-41)
		);
		if (!recorded.ok) throw new Error('demo outcome not recorded');
		const withOutcome = firstRow(
			await db.select().from(liaisonReferral).where(eq(liaisonReferral.id, referral.id)).limit(1)
		)!;
		if (!(await sendOutcomeLetter(db, withOutcome, held, council, actor, at(-36))).ok)
			throw new Error('demo letter not sent');
	}

	// Next month, with the families' answers due the Wednesday before.
	const day = nextMonthMeetingDay(today);
	const coming = await addMeeting(
		db,
		group.id,
		{
			meetsAt: ukLocalToInstant(day, '09:30'),
			answersDueAt: ukLocalToInstant(addDays(day, -6), '23:59'),
			venue: 'Thetford Family Hub, Kings Street'
		},
		actor,
		at(-20)
	);
	for (const [i, f] of COMING.entries()) {
		const { token } = await refer(db, coming, f, actor, at(-14 + i));
		if (Object.keys(f.answers).length) await answer(db, token, f, at(-10 + i, '19:30'));
	}
}
