// A year of Norfolk-style core consultations: three terms of registrations across the strands,
// most meetings held and evaluated, some coming up and some still waiting for a date.
import { createHash, randomBytes } from 'node:crypto';
import { type Db, onlyRow } from '../db';
import {
	coreConsultation,
	coreConsultationEvaluation,
	CORE_STRANDS,
	USEFULNESS
} from '../db/schema';
import { schoolKey, termOf, upcomingTerms } from '../coreConsultations/labels';
import { ukToday } from '../../format';
import { THEMES } from '../coreConsultations/labels';
import { generateCoreReference } from '../coreConsultations/registrations';

const TOWNS = [
	'Acle',
	'Attleborough',
	'Aylsham',
	'Brundall',
	'Caister',
	'Cromer',
	'Dereham',
	'Diss',
	'Downham Market',
	'Fakenham',
	'Gorleston',
	'Harleston',
	'Hethersett',
	'Holt',
	'Hunstanton',
	'King’s Lynn',
	'Loddon',
	'Mattishall',
	'Mundesley',
	'North Walsham',
	'Poringland',
	'Reepham',
	'Sheringham',
	'Sprowston',
	'Stalham',
	'Swaffham',
	'Taverham',
	'Thetford',
	'Watton',
	'Wells',
	'Wroxham',
	'Wymondham',
	'Costessey',
	'Hellesdon',
	'Drayton',
	'Long Stratton',
	'Blofield',
	'Bradwell',
	'Terrington',
	'Heacham'
];
const KINDS = [
	['Infant School', 'infant'],
	['Primary School', 'primary'],
	['Junior School', 'junior'],
	['High School', 'secondary'],
	['Church of England Primary Academy', 'primary'],
	['Community Primary School', 'primary']
] as const;
const CHANGES = [
	'Visual timetables in every Key Stage 1 class',
	'A calm space and planned breaks for two pupils',
	'Share the strategies with our teaching assistants at the next INSET day',
	'Review our SEN support plans with parents each term',
	'Start a social communication group at lunchtime'
];
const NEEDS = [
	'Training on sensory needs',
	'More time with the educational psychologist',
	null,
	null
];
const SPECIALISTS = ['Dr Hannah Cole', 'Marcus Reid', 'Aisha Khan', 'Tom Wright', 'Claire Bennett'];

const DAY = 86_400_000;

export async function seedCoreConsultations(db: Db, now: Date): Promise<{ schools: number }> {
	const today = ukToday(now);
	const current = termOf(today);
	const next = upcomingTerms(today, 2)[1];
	const themeCodes = Object.keys(THEMES);
	let n = 0;
	const taken = new Set<string>();
	const schools = TOWNS.flatMap((town) =>
		KINDS.map(([kind, type]) => ({ name: `${town} ${kind}`, type }))
	);
	const add = async (
		school: (typeof schools)[number],
		term: string,
		status: 'registered' | 'allocated' | 'held' | 'cancelled',
		meetingAt: Date | null,
		email?: string
	) => {
		// One live registration per school per term, as the product allows.
		const k = `${schoolKey(school.name)} ${term}`;
		if (status !== 'cancelled' && taken.has(k)) return;
		if (status !== 'cancelled') taken.add(k);
		n++;
		const strand =
			school.type === 'secondary' && n % 5 === 0
				? 'plus'
				: CORE_STRANDS[n % 7 === 0 ? 1 : n % 11 === 0 ? 2 : 0];
		const created = new Date((meetingAt ?? now).getTime() - (30 + (n % 20)) * DAY);
		const row = onlyRow(
			await db
				.insert(coreConsultation)
				.values({
					reference: generateCoreReference(),
					schoolName: school.name,
					schoolKey: schoolKey(school.name),
					schoolType: school.type,
					contactName: ['Jane Holmes', 'Raj Patel', 'Sue Barker', 'Owen Price'][n % 4],
					contactRole: 'SENCo',
					contactEmail: email ?? `senco${n}@school.example.org`,
					strand,
					term,
					themes: JSON.stringify(
						[themeCodes[n % themeCodes.length], themeCodes[(n * 3) % themeCodes.length]].filter(
							(v, i, a) => a.indexOf(v) === i
						)
					),
					status,
					specialistName: meetingAt ? SPECIALISTS[n % SPECIALISTS.length] : null,
					meetingAt,
					meetingPlace: meetingAt
						? n % 3 === 0
							? 'Online'
							: `${school.name}, SENCo’s office`
						: null,
					manageTokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
					cancelledBy: status === 'cancelled' ? 'school' : null,
					cancelledAt: status === 'cancelled' ? created : null,
					heldAt: status === 'held' ? meetingAt : null,
					createdAt: created,
					updatedAt: created
				})
				.returning({ id: coreConsultation.id })
		);
		// Four in five held meetings are evaluated.
		if (status === 'held' && n % 5 !== 0) {
			const u = n % 13 === 0 ? 3 : n % 6 === 0 ? 2 : n % 3 === 0 ? 1 : 0;
			await db.insert(coreConsultationEvaluation).values({
				coreConsultationId: row.id,
				usefulness: USEFULNESS[u],
				whatWillChange: CHANGES[n % CHANGES.length],
				whatElseNeeded: NEEDS[n % NEEDS.length],
				submittedAt: new Date(meetingAt!.getTime() + 3 * DAY)
			});
		}
	};
	// 240 schools over the past year, one meeting each, spread over the last three terms.
	for (const [i, school] of schools.entries()) {
		const ago = 20 + ((i * 37) % 330);
		const meetingAt = new Date(now.getTime() - ago * DAY);
		await add(school, termOf(ukToday(meetingAt)), i % 29 === 0 ? 'cancelled' : 'held', meetingAt);
	}
	// This term: some booked in the coming weeks, some waiting for a date.
	for (const [i, school] of schools.slice(0, 24).entries()) {
		if (i % 2 === 0)
			await add(
				school,
				current,
				'allocated',
				new Date(now.getTime() + (7 + i) * DAY + 9.5 * 3_600_000)
			);
		else await add(school, i % 3 === 0 ? next : current, 'registered', null);
	}
	// Held last week but not yet marked as held: the next job for staff, then the school's evaluation.
	const heldLastWeek = [
		['Bignold Primary School', 'senco@bignold.example.org'],
		['Lakenham Primary School', 'senco@lakenham.example.org'],
		['Avenue Junior School', 'senco@avenue.example.org']
	];
	for (const [i, [name, email]] of heldLastWeek.entries()) {
		const meetingAt = new Date(now.getTime() - (2 + i) * DAY);
		await add(
			{ name, type: i === 2 ? 'junior' : 'primary' },
			termOf(ukToday(meetingAt)),
			'allocated',
			meetingAt,
			email
		);
	}
	return { schools: schools.length };
}
