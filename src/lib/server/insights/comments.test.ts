import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { question, questionPriority } from '../db/schema';
import { codingFixture } from './codingFixtures';
import { createTheme, linkCommentToPriority, tagComment } from './coding';
import {
	COMMENTS_PAGE_SIZE,
	listCommentQuestions,
	listComments,
	parseCommentFilters
} from './comments';

function setUp() {
	const f = codingFixture();
	const other = codingFixture(f.db, 'other');
	const transport = createTheme(
		f.db,
		f.consultationId,
		{ name: 'Transport', keywords: 'bus, taxi' },
		f.actor
	);
	const waits = createTheme(
		f.db,
		f.consultationId,
		{ name: 'Waiting times', keywords: 'waiting list' },
		f.actor
	);
	if (!transport.ok || !waits.ok) throw new Error('set-up');
	const day = (d: number) => new Date(Date.UTC(2026, 5, d, 9));
	const a1 = f.addAnswer('The buses are always late', { at: day(1) });
	const a2 = f.addAnswer('We waited a year on the waiting list', {
		audience: 'young_people',
		channel: 'paper',
		at: day(2)
	});
	f.addAnswer('   ', { at: day(3) });
	f.addAnswer('Not sent yet', { status: 'in_progress', at: day(4) });
	const n1 = f.addNote('Families asked about the taxi service');
	other.addAnswer('Another council’s comment');
	return { ...f, transport: transport.id, waits: waits.id, a1, a2, n1 };
}

describe('listComments', () => {
	it('lists submitted free-text answers and roadshow notes of this consultation only, newest first', () => {
		const f = setUp();
		const page = listComments(f.db, f.consultationId, {});
		expect(page.total).toBe(3);
		expect(page.comments.map((c) => [c.kind, c.text, c.audience, c.channel])).toEqual([
			['answer', 'We waited a year on the waiting list', 'young_people', 'paper'],
			['answer', 'The buses are always late', 'parents_carers', 'online'],
			['note', 'Families asked about the taxi service', 'parents_carers', 'roadshow']
		]);
	});

	it('gives each comment its tags, priorities and suggestions (not for themes it already has)', () => {
		const f = setUp();
		tagComment(f.db, f.consultationId, { kind: 'note', id: f.n1 }, f.transport, f.actor);
		linkCommentToPriority(f.db, f.consultationId, { kind: 'answer', id: f.a1 }, f.priorityIds[1]);
		const [young, parent, note] = listComments(f.db, f.consultationId, {}).comments;
		expect(young.suggestions).toEqual([
			{ themeId: f.waits, keyword: 'waiting list', name: 'Waiting times' }
		]);
		expect(parent.suggestions).toEqual([
			{ themeId: f.transport, keyword: 'bus', name: 'Transport' }
		]);
		expect(parent.impliedPriorities.map((p) => p.position)).toEqual([1]);
		expect(parent.linkedPriorities.map((p) => p.position)).toEqual([2]);
		expect(parent.questionText).toBe('Why do you say that?');
		expect(note.themes).toEqual([{ id: f.transport, name: 'Transport' }]);
		expect(note.suggestions).toEqual([]);
	});

	it('filters by priority (the question’s or a lead’s link), theme, audience, channel, question and untagged', () => {
		const f = setUp();
		tagComment(f.db, f.consultationId, { kind: 'answer', id: f.a1 }, f.transport, f.actor);
		linkCommentToPriority(f.db, f.consultationId, { kind: 'note', id: f.n1 }, f.priorityIds[1]);
		const ids = (filters: Parameters<typeof listComments>[2]) =>
			listComments(f.db, f.consultationId, filters).comments.map((c) => `${c.kind}:${c.id}`);
		expect(ids({ priorityId: f.priorityIds[0] })).toEqual([`answer:${f.a2}`, `answer:${f.a1}`]);
		expect(ids({ priorityId: f.priorityIds[1] })).toEqual([`note:${f.n1}`]);
		expect(ids({ themeId: f.transport })).toEqual([`answer:${f.a1}`]);
		expect(ids({ untaggedOnly: true })).toEqual([`answer:${f.a2}`, `note:${f.n1}`]);
		expect(ids({ audience: 'young_people' })).toEqual([`answer:${f.a2}`]);
		expect(ids({ channel: 'roadshow' })).toEqual([`note:${f.n1}`]);
		expect(ids({ channel: 'online' })).toEqual([`answer:${f.a1}`]);
		expect(ids({ questionKey: 'priority-1-why' })).toEqual([`answer:${f.a2}`, `answer:${f.a1}`]);
	});

	it('pages through comments and keeps a page past the end on the last page', () => {
		const f = codingFixture();
		for (let i = 0; i < COMMENTS_PAGE_SIZE + 3; i++)
			f.addAnswer(`Comment ${i}`, { at: new Date(Date.UTC(2026, 0, 1, 0, i)) });
		const second = listComments(f.db, f.consultationId, { page: 2 });
		expect(second).toMatchObject({ total: COMMENTS_PAGE_SIZE + 3, page: 2, pageCount: 2 });
		expect(second.comments.map((c) => c.text)).toEqual(['Comment 2', 'Comment 1', 'Comment 0']);
		expect(listComments(f.db, f.consultationId, { page: 9 }).page).toBe(2);
	});
});

describe('listCommentQuestions', () => {
	it('lists the free-text questions once per key, labelled with the priority each asks about', () => {
		const f = setUp();
		expect(listCommentQuestions(f.db, f.consultationId)).toEqual([
			{
				key: 'priority-1-why',
				text: 'Why do you say that?',
				label: 'Why do you say that? (priority 1: Identify needs early)'
			}
		]);
	});

	it('gives questions that ask the same thing labels that differ', () => {
		const f = codingFixture();
		const versionId = f.db
			.select({ versionId: question.versionId })
			.from(question)
			.where(eq(question.id, f.questionId))
			.get()!.versionId;
		const add = (position: number, key: string, priorityIds: number[]) => {
			const q = f.db
				.insert(question)
				.values({ versionId, position, key, kind: 'text', text: 'Why do you say that?' })
				.returning()
				.get();
			for (const priorityId of priorityIds)
				f.db.insert(questionPriority).values({ questionId: q.id, priorityId }).run();
		};
		add(2, 'priority-2-why', [f.priorityIds[1]]);
		add(3, 'both-why', [f.priorityIds[1], f.priorityIds[0]]);
		add(4, 'general-why', []);
		add(5, 'other-why', []);
		const labels = listCommentQuestions(f.db, f.consultationId).map((q) => q.label);
		expect(labels).toEqual([
			'Why do you say that? (priority 1: Identify needs early)',
			'Why do you say that? (priority 2: Strengthen co-production)',
			'Why do you say that? (priorities 1 and 2)',
			'Why do you say that? – question 4, parents and carers',
			'Why do you say that? – question 5, parents and carers'
		]);
	});
});

describe('parseCommentFilters', () => {
	const known = { priorityIds: [4, 5], questionKeys: ['priority-1-why'], themeIds: [7] };
	const parse = (query: string) => parseCommentFilters(new URLSearchParams(query), known);

	it('reads every filter', () => {
		expect(
			parse(
				'priority=5&question=priority-1-why&theme=7&audience=young_people&channel=paper&untagged=yes&page=3'
			)
		).toEqual({
			filters: {
				priorityId: 5,
				questionKey: 'priority-1-why',
				themeId: 7,
				audience: 'young_people',
				channel: 'paper',
				untaggedOnly: true,
				page: 3
			},
			errors: {}
		});
		expect(parse('')).toEqual({ filters: { page: 1 }, errors: {} });
	});

	it('drops values that are not this consultation’s, with a message for each', () => {
		const { filters, errors } = parse(
			'priority=99&question=nope&theme=abc&audience=everyone&channel=fax&page=-1'
		);
		expect(filters).toEqual({ page: 1 });
		expect(errors).toEqual({
			priority: 'Select a priority from the list',
			question: 'Select a question from the list',
			theme: 'Select a theme from the list',
			audience: 'Select an audience from the list',
			channel: 'Select a channel from the list'
		});
	});
});
