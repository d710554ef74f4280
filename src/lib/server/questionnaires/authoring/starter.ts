// Starter question sets, generated from a consultation's priorities, one per audience.
//
// Design of the per-priority questions:
// - Every audience gets, for each priority, a required agreement question ("Don't know" is on the
//   scale, so nobody is forced into an opinion) followed by one optional comment box.
// - For adults the comment box branches (skip logic): "Why do you say that?" for anyone who does
//   not disagree, "Why do you disagree, and what should we do differently?" for anyone who does.
//   Everyone sees exactly one comment box per priority, worded for their answer, and both boxes
//   are linked to the priority so every comment counts towards it.
// - Young people always see one plain "Why do you think that?" box: no branches in Easy Read.
// Profile ("about you") questions come last, are all optional and share keys and codes across
// audiences so the dashboards can filter all three by the same answer.
import type { Audience } from '../../db/schema';
import { agreementValues, disagreeValues } from '../../../agreement';
import type { OptionInput, QuestionInput } from '../types';

export type StarterPriority = {
	id: number;
	position: number;
	title: string;
	easyReadTitle?: string;
};
export type StarterQuestion = QuestionInput & { key: string };

const COMMENT_LIMIT = 1200;
const notDisagreeValues = agreementValues.filter((v) => !disagreeValues.includes(v));

const opts = (pairs: [string, string][], exclusive: string[] = []): OptionInput[] =>
	pairs.map(([value, label]) => ({ value, label, exclusive: exclusive.includes(value) }));

export function starterVersionText(audience: Audience): { title: string; intro: string } {
	switch (audience) {
		case 'parents_carers':
			return {
				title: 'Questionnaire for parents and carers',
				intro:
					'Tell us what you think of each priority in our draft strategy. Your answers are anonymous unless you choose to leave contact details.'
			};
		case 'practitioners':
			return {
				title: 'Questionnaire for practitioners',
				intro:
					'Tell us what you think of each priority in our draft strategy, from your work with children, young people and families. Your answers are anonymous unless you choose to leave contact details.'
			};
		case 'young_people':
			return {
				title: 'Have your say: for young people',
				intro:
					'We want to know what you think. We have some ideas to make things better. Tell us if you agree with them. We will not ask for your name.'
			};
	}
}

export function buildStarterQuestions(
	audience: Audience,
	priorities: readonly StarterPriority[]
): StarterQuestion[] {
	const sorted = [...priorities].sort((a, b) => a.position - b.position);
	const perPriority = sorted.flatMap((p, i) =>
		audience === 'young_people' ? youngPersonPriority(p, i + 1) : adultPriority(p, i + 1)
	);
	return [...perPriority, biggestDifference(audience), ...profileQuestions(audience)];
}

function adultPriority(p: StarterPriority, n: number): StarterQuestion[] {
	const caption = `Priority ${n}: ${p.title}`;
	const agreeKey = `priority-${n}-agree`;
	return [
		{
			key: agreeKey,
			kind: 'agreement',
			caption,
			text: 'To what extent do you agree or disagree that this should be a priority?',
			required: true,
			priorityIds: [p.id]
		},
		{
			key: `priority-${n}-why`,
			kind: 'text',
			caption,
			text: 'Why do you say that?',
			maxChars: COMMENT_LIMIT,
			showIfQuestionKey: agreeKey,
			showIfValues: [...notDisagreeValues],
			priorityIds: [p.id]
		},
		{
			key: `priority-${n}-disagree-why`,
			kind: 'text',
			caption,
			text: 'Why do you disagree, and what should we do differently?',
			maxChars: COMMENT_LIMIT,
			showIfQuestionKey: agreeKey,
			showIfValues: [...disagreeValues],
			priorityIds: [p.id]
		}
	];
}

function youngPersonPriority(p: StarterPriority, n: number): StarterQuestion[] {
	// The Easy Read title staff wrote; the official one only until they have.
	const caption = `Priority ${n}: ${p.easyReadTitle || p.title}`;
	return [
		{
			key: `priority-${n}-agree`,
			kind: 'agreement',
			caption,
			text: 'Do you agree that we should work on this?',
			hint: 'A priority is something important. We will work on it first.',
			required: true,
			priorityIds: [p.id]
		},
		{
			key: `priority-${n}-why`,
			kind: 'text',
			caption,
			text: 'Why do you think that?',
			hint: 'You do not have to answer this.',
			maxChars: COMMENT_LIMIT,
			priorityIds: [p.id]
		}
	];
}

function biggestDifference(audience: Audience): StarterQuestion {
	return {
		key: 'biggest-difference',
		kind: 'text',
		text: 'What would make the biggest difference to you?',
		hint:
			audience === 'young_people'
				? 'Tell us what would help you most. You do not have to answer this.'
				: 'For example, about support, services, or how we work with families.',
		maxChars: COMMENT_LIMIT
	};
}

const ageBands: [string, string][] = [
	['0-3', '0 to 3'],
	['4-6', '4 to 6'],
	['7-9', '7 to 9'],
	['10-12', '10 to 12'],
	['13-15', '13 to 15'],
	['16-18', '16 to 18'],
	['19-25', '19 to 25']
];

const needAreas: [string, string][] = [
	['communication_interaction', 'Communication and interaction'],
	['cognition_learning', 'Cognition and learning'],
	['semh', 'Social, emotional and mental health'],
	['sensory_physical', 'Sensory or physical needs']
];

const postcode = (text: string): StarterQuestion => ({
	key: 'postcode-district',
	kind: 'text',
	isProfile: true,
	textFormat: 'postcode_district',
	text,
	hint: 'For example, L8 or CH41. We use this to see which areas answers come from. We do not ask for a full postcode.',
	maxChars: 8
});

function profileQuestions(audience: Audience): StarterQuestion[] {
	const profile = (q: StarterQuestion): StarterQuestion => ({ ...q, isProfile: true });
	switch (audience) {
		case 'parents_carers':
			return [
				profile({
					key: 'responding-as',
					kind: 'single',
					text: 'Which best describes you?',
					options: opts([
						['parent_carer', 'Parent or carer'],
						['professional', 'Education, health, social care or local area professional'],
						['local_authority', 'Local authority'],
						['charity', 'Charity'],
						['professional_organisation', 'Professional organisation'],
						['other', 'Other'],
						['prefer_not_to_say', 'Prefer not to say']
					])
				}),
				profile({
					key: 'responding-as-other',
					kind: 'text',
					text: 'How would you describe yourself?',
					maxChars: 200,
					showIfQuestionKey: 'responding-as',
					showIfValues: ['other']
				}),
				profile({
					key: 'age-band',
					kind: 'single',
					text: 'How old is the child or young person?',
					hint: 'If you care for more than one child or young person, answer about the one your response is mostly about.',
					options: opts([...ageBands, ['prefer_not_to_say', 'Prefer not to say']])
				}),
				profile({
					key: 'type-of-need',
					kind: 'multiple',
					text: 'What type of need does the child or young person have?',
					hint: 'Select all that apply.',
					options: opts(
						[...needAreas, ['not_sure', 'Not sure'], ['prefer_not_to_say', 'Prefer not to say']],
						['prefer_not_to_say']
					)
				}),
				profile({
					key: 'support-level',
					kind: 'single',
					text: 'Does the child or young person have an education, health and care (EHC) plan?',
					options: opts([
						['ehc_plan', 'Yes, they have an EHC plan'],
						['sen_support', 'No, but they get SEN support at their nursery, school or college'],
						['neither', 'No, neither'],
						['not_sure', 'Not sure']
					])
				}),
				profile({
					key: 'setting',
					kind: 'single',
					text: 'What type of setting does the child or young person go to?',
					options: opts([
						['early_years', 'Nursery or other early years setting'],
						['mainstream_school', 'Mainstream school'],
						['resourced_provision', 'Resource base or unit in a mainstream school'],
						['special_school', 'Special school'],
						['alternative_provision', 'Alternative provision, such as a pupil referral unit'],
						['college', 'College or sixth form'],
						['training_work', 'Apprenticeship, training or work'],
						['home_educated', 'Educated at home'],
						['not_in_education', 'Not in education, employment or training'],
						['other', 'Other']
					])
				}),
				postcode('What is the first part of your postcode?')
			];
		case 'practitioners':
			return [
				profile({
					key: 'role',
					kind: 'single',
					text: 'What is your role?',
					options: opts([
						['senco', 'SENCO or inclusion lead'],
						['teacher', 'Teacher or teaching assistant'],
						['school_leader', 'Headteacher or senior leader'],
						['early_years', 'Early years practitioner'],
						['health', 'Health professional'],
						['social_care', 'Social worker or social care professional'],
						['educational_psychologist', 'Educational psychologist'],
						['local_authority', 'Local authority officer'],
						['voluntary', 'Voluntary or community sector worker'],
						['other', 'Other']
					])
				}),
				profile({
					key: 'role-other',
					kind: 'text',
					text: 'What is your role?',
					hint: 'Describe it in a few words.',
					maxChars: 200,
					showIfQuestionKey: 'role',
					showIfValues: ['other']
				}),
				profile({
					key: 'organisation',
					kind: 'single',
					text: 'What type of organisation do you work for?',
					options: opts([
						['early_years', 'Early years setting'],
						['mainstream_school', 'Mainstream school'],
						['special_school', 'Special school'],
						['alternative_provision', 'Alternative provision'],
						['college', 'College or sixth form'],
						['health', 'Health service'],
						['social_care', 'Social care service'],
						['local_authority', 'Local authority'],
						['voluntary', 'Charity or voluntary organisation'],
						['other', 'Other']
					])
				}),
				profile({
					key: 'type-of-need',
					kind: 'multiple',
					text: 'Which types of need do you mostly support?',
					hint: 'Select all that apply.',
					options: opts(
						[...needAreas, ['not_sure', 'Not sure'], ['prefer_not_to_say', 'Prefer not to say']],
						['prefer_not_to_say']
					)
				}),
				postcode('What is the first part of the postcode where you mainly work?')
			];
		case 'young_people':
			// No postcode, name or email: only what the results need from children.
			return [
				profile({
					key: 'age-band',
					kind: 'single',
					text: 'How old are you?',
					options: opts([...ageBands.slice(2), ['prefer_not_to_say', "I'd rather not say"]])
				}),
				profile({
					key: 'type-of-need',
					kind: 'multiple',
					text: 'Do you get extra help with any of these?',
					hint: 'Choose all the answers that are true for you.',
					options: opts(
						[
							['communication_interaction', 'Talking and understanding other people'],
							['cognition_learning', 'Learning, reading or remembering things'],
							['semh', 'My feelings, or getting on with other people'],
							['sensory_physical', 'Seeing, hearing or moving around'],
							['not_sure', "I'm not sure"],
							['prefer_not_to_say', "I'd rather not say"]
						],
						['prefer_not_to_say']
					)
				}),
				profile({
					key: 'support-level',
					kind: 'single',
					text: 'Do you have a plan that says what help you should get?',
					hint: 'This plan is called an education, health and care plan.',
					options: opts([
						['ehc_plan', 'Yes, I have a plan'],
						['sen_support', 'No, but I get extra help at school or college'],
						['neither', 'No'],
						['not_sure', "I don't know"]
					])
				}),
				profile({
					key: 'setting',
					kind: 'single',
					text: 'Where do you go in the day?',
					options: opts([
						['mainstream_school', 'A school'],
						['special_school', 'A special school'],
						['college', 'A college'],
						['training_work', 'Work or training'],
						['home_educated', 'I learn at home'],
						['not_in_education', 'I do not go to school, college or work'],
						['other', 'Somewhere else']
					])
				}),
				profile({
					key: 'helped-by',
					kind: 'single',
					text: 'Did someone help you answer?',
					options: opts([
						['on_my_own', 'I answered on my own'],
						['parent_carer', 'A parent or carer helped me'],
						['teacher_support', 'A teacher or support worker helped me']
					])
				})
			];
	}
}
