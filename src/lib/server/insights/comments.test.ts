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
import { firstRow, onlyRow } from '../db';

async function setUp() {
	const f = await codingFixture();
	const other = await codingFixture(f.db, 'other');
	const transport = await createTheme(
		f.db,
		f.consultationId,
		{ name: 'Transport', keywords: 'bus, taxi' },
		f.actor
	);
	const waits = await createTheme(
		f.db,
		f.consultationId,
		{ name: 'Waiting times', keywords: 'waiting list' },
		f.actor
	);
	if (!transport.ok || !waits.ok) throw new Error('set-up');
	const day = (d: number) => new Date(Date.UTC(2026, 5, d, 9));
	const a1 = await f.addAnswer('The buses are always late', { at: day(1) });
	const a2 = await f.addAnswer('We waited a year on the waiting list', {
		audience: 'young_people',
		channel: 'paper',
		at: day(2)
	});
	await f.addAnswer('   ', { at: day(3) });
	await f.addAnswer('Not sent yet', { status: 'in_progress', at: day(4) });
	const n1 = await f.addNote('Families asked about the taxi service');
	await other.addAnswer('Another council’s comment');
	return { ...f, transport: transport.id, waits: waits.id, a1, a2, n1 };
}

describe('listComments', () => {
	it('lists submitted free-text answers and roadshow notes of this consultation only, newest first', async () => {
		const f = await setUp();
		const page = await listComments(f.db, f.consultationId, {});
		expect(page.total).toBe(3);
		expect(page.comments.map((c) => [c.kind, c.text, c.audience, c.channel])).toEqual([
			['answer', 'We waited a year on the waiting list', 'young_people', 'paper'],
			['answer', 'The buses are always late', 'parents_carers', 'online'],
			['note', 'Families asked about the taxi service', 'parents_carers', 'roadshow']
		]);
	});

	it('gives each comment its tags, priorities and suggestions (not for themes it already has)', async () => {
		const f = await setUp();
		await tagComment(f.db, f.consultationId, { kind: 'note', id: f.n1 }, f.transport, f.actor);
		await linkCommentToPriority(
			f.db,
			f.consultationId,
			{ kind: 'answer', id: f.a1 },
			f.priorityIds[1]
		);
		const [young, parent, note] = (await listComments(f.db, f.consultationId, {})).comments;
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

	it('filters by priority (the question’s or a lead’s link), theme, audience, channel, question and untagged', async () => {
		const f = await setUp();
		await tagComment(f.db, f.consultationId, { kind: 'answer', id: f.a1 }, f.transport, f.actor);
		await linkCommentToPriority(
			f.db,
			f.consultationId,
			{ kind: 'note', id: f.n1 },
			f.priorityIds[1]
		);
		const ids = async (filters: Parameters<typeof listComments>[2]) =>
			(await listComments(f.db, f.consultationId, filters)).comments.map(
				(c) => `${c.kind}:${c.id}`
			);
		expect(await ids({ priorityId: f.priorityIds[0] })).toEqual([
			`answer:${f.a2}`,
			`answer:${f.a1}`
		]);
		expect(await ids({ priorityId: f.priorityIds[1] })).toEqual([`note:${f.n1}`]);
		expect(await ids({ themeId: f.transport })).toEqual([`answer:${f.a1}`]);
		expect(await ids({ untaggedOnly: true })).toEqual([`answer:${f.a2}`, `note:${f.n1}`]);
		expect(await ids({ audience: 'young_people' })).toEqual([`answer:${f.a2}`]);
		expect(await ids({ channel: 'roadshow' })).toEqual([`note:${f.n1}`]);
		expect(await ids({ channel: 'online' })).toEqual([`answer:${f.a1}`]);
		expect(await ids({ questionKey: 'priority-1-why' })).toEqual([
			`answer:${f.a2}`,
			`answer:${f.a1}`
		]);
	});

	it('pages through comments and keeps a page past the end on the last page', async () => {
		const f = await codingFixture();
		for (let i = 0; i < COMMENTS_PAGE_SIZE + 3; i++)
			await f.addAnswer(`Comment ${i}`, { at: new Date(Date.UTC(2026, 0, 1, 0, i)) });
		const second = await listComments(f.db, f.consultationId, { page: 2 });
		expect(second).toMatchObject({ total: COMMENTS_PAGE_SIZE + 3, page: 2, pageCount: 2 });
		expect(second.comments.map((c) => c.text)).toEqual(['Comment 2', 'Comment 1', 'Comment 0']);
		expect((await listComments(f.db, f.consultationId, { page: 9 })).page).toBe(2);
	});
});

describe('listCommentQuestions', () => {
	it('lists the free-text questions once per key, labelled with the priority each asks about', async () => {
		const f = await setUp();
		expect(await listCommentQuestions(f.db, f.consultationId)).toEqual([
			{
				key: 'priority-1-why',
				text: 'Why do you say that?',
				label: 'Why do you say that? (priority 1: Identify needs early)'
			}
		]);
	});

	it('gives questions that ask the same thing labels that differ', async () => {
		const f = await codingFixture();
		const versionId = firstRow(
			await f.db
				.select({ versionId: question.versionId })
				.from(question)
				.where(eq(question.id, f.questionId))
				.limit(1)
		)!.versionId;
		const add = async (position: number, key: string, priorityIds: number[]) => {
			const q = onlyRow(
				await f.db
					.insert(question)
					.values({ versionId, position, key, kind: 'text', text: 'Why do you say that?' })
					.returning()
			);
			for (const priorityId of priorityIds)
				await f.db.insert(questionPriority).values({ questionId: q.id, priorityId });
		};
		await add(2, 'priority-2-why', [f.priorityIds[1]]);
		await add(3, 'both-why', [f.priorityIds[1], f.priorityIds[0]]);
		await add(4, 'general-why', []);
		await add(5, 'other-why', []);
		const labels = (await listCommentQuestions(f.db, f.consultationId)).map((q) => q.label);
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
