// The demo consultations, worded from Liverpool's 2018 SEND strategy consultation notice.
export const sendStrategy = {
	slug: 'send-partnership-strategy',
	title: 'SEND Partnership Strategy',
	summary:
		'We are writing a new strategy for how services work together for children and young people aged 0 to 25 with special educational needs and disabilities (SEND). Tell us what you think of our draft strategy and its six priorities.',
	contactEmail: 'send.consultation@example.org',
	strategyMarkdown: `## Why we need a new strategy

This strategy will shape the way services are delivered to children and young people aged 0 to 25 with special educational needs and disabilities (SEND) over the next four years.

It aims to make sure all agencies work in partnership to provide high quality services, build on existing good practice and make improvements where they are needed.

## What we have heard so far

We have looked at current concerns and listened to your views. Families told us that:

- it can take too long for a child's needs to be noticed and assessed
- parents and carers want a real say in decisions, not just to be told about them
- too many children with SEND miss school or are excluded
- moving between schools, and into adult services, can be hard to plan for
- getting a diagnosis for a medical condition can take a long time

## Our priorities

Our draft strategy sets out six priorities. They are designed to bring about more inclusive, effective and joined-up SEND provision across the city.

1. Identify additional needs at the earliest opportunity.
2. Strengthen co-production arrangements so parents and carers work closely with senior leaders on the SEND agenda.
3. Improve pupil attendance at our special schools and reduce mainstream school exclusions.
4. Improve inclusive practice so that children and young people with SEND get the right support at the right time within mainstream provision, wherever possible.
5. Improve transition planning across the key stages of the lives of children and young people, particularly when they are moving into adulthood.
6. Develop the health offer so that children and young people with medical conditions are diagnosed as soon as possible and receive help and support that improves the quality of their lives.

## How we will know it is working

We will publish what you told us and what we will do about it. Each year we will report progress against each priority to the SEND Partnership Board, including parents and carers, schools, health services and social care.
`,
	highlightsMarkdown: `- A strategy for children and young people aged **0 to 25** with SEND, running for four years.
- **Six priorities**, from noticing needs early to planning the move into adulthood.
- Parents and carers working **alongside senior leaders**, not just being consulted.
- More children with SEND supported well in **their local mainstream school**.
- Faster diagnosis and better **health support** for children with medical conditions.`,
	priorities: [
		{
			title: 'Identify additional needs at the earliest opportunity',
			description:
				'Notice and assess needs early, from the early years onwards, so that support starts sooner.',
			easyReadTitle: 'Find out early if children need extra help'
		},
		{
			title:
				'Strengthen co-production arrangements so parents and carers work closely with senior leaders on the SEND agenda',
			description: 'Parents and carers help design services and decisions from the start.',
			easyReadTitle: 'Families and council leaders make plans together'
		},
		{
			title:
				'Improve pupil attendance at our special schools and reduce mainstream school exclusions',
			description:
				'Help children with SEND to be in school and learning, and stop exclusions wherever possible.',
			easyReadTitle: 'Help children go to school and stay in school'
		},
		{
			title:
				'Improve inclusive practice so that children and young people with SEND get the right support at the right time within mainstream provision, wherever possible',
			description:
				'Give mainstream schools and settings the skills and support to include every child.',
			easyReadTitle: 'Get the right help in your local school'
		},
		{
			title:
				'Improve transition planning across the key stages of the lives of children and young people, particularly when they are transitioning into adulthood',
			description:
				'Plan early for each move: into school, between schools, and into adult life and services.',
			easyReadTitle: 'Plan early for big changes, like becoming an adult'
		},
		{
			title:
				'Develop the health offer so that children and young people with medical conditions are diagnosed as soon as possible and receive help and support that improves the quality of their lives',
			description: 'Shorter waits for diagnosis and joined-up health support.',
			easyReadTitle: 'Get health help sooner if you have a medical condition'
		}
	]
};

export const upcomingConsultation = {
	slug: 'short-breaks-review',
	title: 'Short breaks for disabled children: review of our offer',
	summary:
		'Short breaks give disabled children fun activities and give parents and carers a rest. We want to hear what works, what is missing and how easy it is to find out about them.',
	contactEmail: 'short.breaks@example.org',
	strategyMarkdown: `## What short breaks are

Short breaks can be a few hours at a youth club, a day out, or an overnight stay. They are for disabled children and young people and their families.

## What we are reviewing

- which short breaks we offer and where
- how families find out about them and apply
- how we decide who can use them`,
	highlightsMarkdown: `- We will review every short break we fund.
- We want to hear from families who use short breaks **and** from families who do not.`,
	priorities: [
		{ title: 'Make it easier to find out about and apply for short breaks', description: '' },
		{ title: 'Offer more short breaks in school holidays and at weekends', description: '' },
		{
			title: 'Make sure short breaks meet the needs of children with complex needs',
			description: ''
		}
	]
};

export const closedConsultation = {
	slug: 'home-to-school-travel',
	title: 'Home to school travel for children and young people with SEND',
	summary:
		'We asked families, schools and young people about our proposed home to school travel policy for children and young people with SEND. This consultation has closed and we are considering the responses.',
	contactEmail: 'school.travel@example.org',
	strategyMarkdown: `## What we proposed

- Personal travel budgets offered to more families
- Independent travel training for young people aged 14 and over
- Clearer rules about who can get help with travel`,
	highlightsMarkdown: `- Personal travel budgets for more families.
- Travel training to help young people travel on their own safely.`,
	priorities: [
		{ title: 'Offer personal travel budgets to more families', description: '' },
		{ title: 'Help young people to travel independently where they can', description: '' }
	]
};
