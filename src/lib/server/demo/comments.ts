// Free-text comments for the demo, by theme: each adult comment is an opening point and a
// follow-up (8 × 8 = 64 per theme), so the comments view reads like a real consultation.
// Young people's comments are shorter and plainer, as the Easy Read questions invite.

export type DemoTheme = {
	name: string;
	description: string;
	keywords: string;
	openings: string[];
	followUps: string[];
	young: string[];
};

export const demoThemes: DemoTheme[] = [
	{
		name: 'Waiting times for assessment',
		description: 'Waits for assessments, referrals and specialist appointments',
		keywords: 'waiting, waiting list, wait, months, referral, assessment',
		openings: [
			'We waited nearly two years for an assessment and my son fell further behind every term.',
			'The waiting list for speech and language therapy is far too long.',
			'Our referral was bounced back twice before anyone even looked at it.',
			'By the time the assessment came through, the school had already given up on him.',
			'Families are left waiting months with no idea where they are on the list.',
			'As a SENCO I refer children in reception and they are still waiting in year 2.',
			'The wait for an educational psychologist is the biggest barrier we face.',
			'Early identification means nothing if the assessment takes 18 months.'
		],
		followUps: [
			'Please tell families how long the wait is likely to be.',
			'Support should start while children are waiting, not after.',
			'Nobody rang us back when we chased it.',
			'We ended up paying for a private assessment, which many families cannot do.',
			'A named contact while we waited would have made a huge difference.',
			'The stress of waiting affected the whole family.',
			'Schools need interim advice so they can help in the meantime.',
			'Publish the waiting times so we can hold services to account.'
		],
		young: [
			'I waited a really long time to see someone.',
			'It took ages to get help with my reading.',
			'Nobody told me why I had to wait so long.',
			'I want help sooner, not when I am older.',
			'Waiting made me feel worried all the time.',
			'My mum had to keep ringing to get me seen.'
		]
	},
	{
		name: 'Communication with school',
		description: 'How schools and settings keep families informed and involved',
		keywords: 'school, teacher, communication, told, updates, home-school',
		openings: [
			'The school rarely tells us what support our daughter actually gets each week.',
			'Communication between home and school is the thing that would help most.',
			'We only find out about problems when they have become a crisis.',
			'Our SENCO is brilliant but has no time to speak to parents.',
			'I have asked for a meeting three times this term and heard nothing.',
			'Home-school books worked well in primary but stopped completely at secondary.',
			'Teachers change every year and nobody passes on what works for my child.',
			'As a teacher I would welcome clearer routes to talk to families.'
		],
		followUps: [
			'A regular short update would stop a lot of worry.',
			'Parents know their children best and should be asked.',
			'It feels like we are always chasing.',
			'Please make sure information is shared when children move class.',
			'Emails go unanswered for weeks.',
			'Good communication costs very little and builds trust.',
			'We want to work with the school, not against it.',
			'A one-page profile shared with every teacher would help.'
		],
		young: [
			'My teachers do not always know what helps me.',
			'I want my teachers to talk to my mum more.',
			'New teachers do not know about my plan.',
			'School should ask me what works for me.',
			'Sometimes I get told off for things I cannot help.',
			'I like it when my teacher explains things to my family.'
		]
	},
	{
		name: 'EHCP process',
		description: 'Education, health and care needs assessments, plans and annual reviews',
		keywords: 'EHCP, EHC plan, plan, annual review, paperwork, tribunal',
		openings: [
			'The EHCP process is exhausting and feels like a battle from start to finish.',
			'Our plan took 40 weeks, far longer than the legal 20 weeks.',
			'The annual review happened but the plan was never updated.',
			'The plan is vague, so the school says it cannot be held to it.',
			'We had to go to tribunal to get the support our son needed.',
			'As a practitioner I spend hours on EHCP paperwork that nobody seems to read.',
			"The draft plan was full of another child's details.",
			'Parents should not need a solicitor to get a plan that is fit for purpose.'
		],
		followUps: [
			'Plans must be specific about hours and who provides the support.',
			'Please stick to the legal timescales.',
			'A caseworker who answers the phone would make a world of difference.',
			'We felt judged for asking questions.',
			'The process should be clear and written in plain English.',
			'Annual reviews need to lead to real changes.',
			'Health and social care sections are often left empty.',
			'Families need independent advice from the start.'
		],
		young: [
			'My plan does not say what I want.',
			'I did not understand my plan.',
			'I want to be asked about my plan.',
			'My plan helps me when people follow it.',
			'Nobody asked me to come to my review.',
			'I want my plan in words I can read.'
		]
	},
	{
		name: 'Transition to adulthood',
		description: 'Moving between key stages, to college, work and adult services',
		keywords: 'transition, adult, adulthood, college, leaving school, 18, post-16',
		openings: [
			'Planning for adulthood starts far too late, often in year 11.',
			"Moving from children's to adult services at 18 felt like falling off a cliff.",
			'There are very few college courses that suit young people with complex needs.',
			'The move from primary to secondary was handled really badly for my son.',
			'We were given no information about options after school until the last minute.',
			'Supported internships made a real difference for my daughter.',
			'As a college lecturer I often receive no information before a student starts.',
			'Young people need work experience and a path to paid jobs.'
		],
		followUps: [
			'Please start planning from year 9 as the code of practice says.',
			'Adult services need to be involved before the young person turns 18.',
			'Information about options should be in one place.',
			'Young people should lead their own transition plans.',
			'Visits to the new setting beforehand would reduce anxiety.',
			'Independent travel training should be offered to more young people.',
			'Families lose support overnight at 18.',
			'Employers need help to take on young people with SEND.'
		],
		young: [
			'I am scared about leaving school.',
			'I want to go to college but I do not know which one.',
			'I want a job when I am older.',
			'Visiting my new school before I started really helped.',
			'I want to learn to travel on my own.',
			'I do not know what happens when I am 18.'
		]
	},
	{
		name: 'Mainstream inclusion and training',
		description: 'Support and staff training so children can thrive in mainstream settings',
		keywords: 'mainstream, training, inclusion, inclusive, teaching assistant, autism training',
		openings: [
			'Mainstream schools want to be inclusive but do not have the resources.',
			'Teaching assistants are doing their best with little or no training.',
			'Every teacher should have autism and ADHD training, not just the SENCO.',
			'My daughter thrives in mainstream because her school adapts for her.',
			'Class sizes make it very hard to meet individual needs.',
			'As a headteacher I need funding to follow the child more quickly.',
			'Resource bases in mainstream schools are a great model and we need more.',
			'Inclusion should mean being part of the class, not sat in a corridor with a TA.'
		],
		followUps: [
			'Training should include sensory needs and how to adapt lessons.',
			'Outreach from special schools could help mainstream staff.',
			'Good practice in some schools should be shared across the city.',
			'Small changes like quiet spaces make a big difference.',
			'Funding bands need to reflect the real cost of support.',
			'Parents should not have to fight for reasonable adjustments.',
			'Staff need time to plan, not just training days.',
			'Please involve families in designing the training.'
		],
		young: [
			'I like being in a normal class with my friends.',
			'The classroom is too noisy for me.',
			'I want teachers to understand autism.',
			'My helper in class is really good.',
			'I need more time in tests.',
			'I want a quiet place to go when it gets too much.'
		]
	},
	{
		name: 'Exclusions and attendance',
		description: 'Suspensions, exclusions, part-time timetables and school attendance',
		keywords: 'exclusion, excluded, suspension, attendance, part-time timetable, school refusal',
		openings: [
			'My son has been on a part-time timetable for over a year.',
			'Children with SEND are excluded far more often than their classmates.',
			'Attendance fines do nothing for a child who is too anxious to go to school.',
			'Behaviour is communication, and exclusion just moves the problem.',
			'We were told to pick him up early almost every day, which is an informal exclusion.',
			'Emotionally based school avoidance needs to be understood, not punished.',
			'As an alternative provision teacher I see children who were failed long before they came to us.',
			'Reducing exclusions is right, but schools need support to do it.'
		],
		followUps: [
			'Unofficial exclusions need to be recorded and challenged.',
			'Early help should be offered before it gets to exclusion.',
			'Families should not be punished for needs that have not been met.',
			'Every excluded child with SEND should have their needs reviewed.',
			'Mental health support in schools would reduce absence.',
			'Part-time timetables should have a clear end date.',
			'Alternative provision must be good quality and checked.',
			'Listen to the child about why school is hard.'
		],
		young: [
			'I got sent home a lot and I did not know why.',
			'School makes me feel worried so I do not want to go.',
			'I want to go to school but it is too hard sometimes.',
			'Being excluded made me feel like nobody wanted me.',
			'I need a safe adult to talk to at school.',
			'I only go to school in the mornings.'
		]
	},
	{
		name: 'Health and diagnosis',
		description: 'Diagnosis, CAMHS, therapies and the health offer',
		keywords: 'diagnosis, CAMHS, paediatrician, health, therapy, autism assessment, medical',
		openings: [
			'The autism diagnosis pathway has a waiting list of over two years.',
			'CAMHS will not see children unless they are in crisis.',
			'Occupational therapy is almost impossible to access.',
			'A diagnosis should not be needed before schools give support.',
			'Our paediatrician was excellent once we finally got to see her.',
			'As a health visitor I see needs at two but services start much later.',
			'Medication reviews are cancelled again and again.',
			'Health services do not always attend EHCP meetings or send advice.'
		],
		followUps: [
			'Health, education and social care need to share information.',
			'Support should be based on need, not diagnosis.',
			'Families need help while they wait for a diagnosis.',
			'Therapies should be available in school, not just clinics.',
			'Mental health support for children with SEND is badly needed.',
			'A single health contact for families would help.',
			'Please keep families updated on where they are in the pathway.',
			"Parents' own mental health suffers too."
		],
		young: [
			'I want someone to help with my feelings.',
			'It took a long time to find out why I find things hard.',
			'Going to the hospital makes me nervous.',
			'My therapy helps me a lot.',
			'I want to see the same doctor each time.',
			'I wish I could get help at school instead of the clinic.'
		]
	},
	{
		name: 'Co-production and being listened to',
		description: 'Families and young people shaping services and being heard',
		keywords: 'listened, listen, co-production, voice, involved, heard, consulted',
		openings: [
			'Parents are consulted after decisions are made, not before.',
			'The parent carer forum should be involved from the start of every project.',
			'I have never felt listened to by the local authority.',
			'Co-production needs to be real, not a tick-box exercise.',
			'It was good to be asked at the roadshow, thank you.',
			"Young people's voices are missing from most decisions.",
			'As a practitioner I would like to be involved in shaping services too.',
			'Meetings are always in the daytime when working parents cannot come.'
		],
		followUps: [
			'Please report back on what changed because of what we said.',
			'Offer evening and online sessions so more families can take part.',
			'Pay or support parents for their time.',
			'Use plain English and avoid jargon.',
			'Trust has to be rebuilt with families.',
			'Include fathers and grandparents, not just mothers.',
			'Make sure seldom-heard families are reached.',
			'Feedback from families should be published.'
		],
		young: [
			'I want adults to listen to me.',
			'Thank you for asking what I think.',
			'Young people should help make the decisions.',
			'I want to know what happens to my ideas.',
			'Nobody usually asks me.',
			'I liked the session because we could say what we think.'
		]
	}
];

/** Themes that fit each demo priority (by position), most fitting first. */
export const themesByPriority: Record<number, number[]> = {
	1: [0, 6, 1],
	2: [7, 1, 2],
	3: [5, 4, 1],
	4: [4, 2, 5],
	5: [3, 2, 7],
	6: [6, 0, 3]
};

export const demoNotes: {
	audience: 'parents_carers' | 'practitioners' | 'young_people';
	priority: number;
	theme: number;
	note: string;
}[] = [
	{
		audience: 'parents_carers',
		priority: 1,
		theme: 0,
		note: 'Several parents at the table said they waited over a year for speech and language therapy after the first concern was raised.'
	},
	{
		audience: 'parents_carers',
		priority: 1,
		theme: 6,
		note: 'A mum of twins said the health visitor spotted needs at two but nothing happened until school.'
	},
	{
		audience: 'practitioners',
		priority: 1,
		theme: 0,
		note: 'Nursery staff asked for a quicker route to the early years SEND team.'
	},
	{
		audience: 'parents_carers',
		priority: 2,
		theme: 7,
		note: 'Parents liked the roadshow format and asked for evening sessions in future.'
	},
	{
		audience: 'parents_carers',
		priority: 2,
		theme: 7,
		note: 'Group felt decisions are often made before parents are asked. They want to see what changes as a result.'
	},
	{
		audience: 'practitioners',
		priority: 2,
		theme: 1,
		note: 'SENCOs said they want a clearer way to share what the council is planning with families.'
	},
	{
		audience: 'parents_carers',
		priority: 3,
		theme: 5,
		note: 'Two parents described children on part-time timetables for months with no review date.'
	},
	{
		audience: 'practitioners',
		priority: 3,
		theme: 5,
		note: 'Heads agreed with reducing exclusions but said they need mental health support in school to do it.'
	},
	{
		audience: 'young_people',
		priority: 3,
		theme: 5,
		note: 'Young people said school can feel too loud and stressful, and that is why some stop going.'
	},
	{
		audience: 'parents_carers',
		priority: 4,
		theme: 4,
		note: 'Parents want all teachers to have autism training, not just teaching assistants.'
	},
	{
		audience: 'practitioners',
		priority: 4,
		theme: 4,
		note: 'Teachers asked for outreach from special schools and time to plan adaptations.'
	},
	{
		audience: 'young_people',
		priority: 4,
		theme: 4,
		note: 'Young people asked for quiet spaces and more time in tests.'
	},
	{
		audience: 'parents_carers',
		priority: 5,
		theme: 3,
		note: "Families of 16 and 17 year olds were worried about what happens at 18 when children's services stop."
	},
	{
		audience: 'young_people',
		priority: 5,
		theme: 3,
		note: 'Young people want to visit colleges and workplaces before they choose.'
	},
	{
		audience: 'practitioners',
		priority: 5,
		theme: 2,
		note: 'College staff said EHC plans often arrive without post-16 outcomes.'
	},
	{
		audience: 'parents_carers',
		priority: 6,
		theme: 6,
		note: 'Long discussion about the autism assessment waiting list and support while waiting.'
	},
	{
		audience: 'young_people',
		priority: 6,
		theme: 6,
		note: 'Young people said they want help with feelings at school, not only at the clinic.'
	},
	{
		audience: 'practitioners',
		priority: 6,
		theme: 6,
		note: 'Health colleagues asked for better sharing of information with schools.'
	}
];
