// The public answering journey: what a resume link opens, where each page leads, and how answers
// read back on check your answers. Pages call these; the rules stay here.
import { type Db, firstRow } from '../../db';
import {
	type Answer,
	type Audience,
	type Questionnaire,
	type QuestionnaireResponse
} from '../../db/schema';
import { consultationStatus, type ConsultationStatus } from '../../consultations/status';
import { findPublicConsultation } from '../../consultations/queries';
import { ukToday } from '../../../format';
import { hashResumeToken, looksLikeResumeToken } from './tokens';
import {
	answersByKey,
	nextQuestion,
	previousQuestion,
	questionNumber,
	visibleQuestions
} from '../skipLogic';
import { frozenQuestions, findQuestionnaireByAudience, versionIdWithStatus } from '../versions';
import { statements } from './statements';
import { questionnaireSummaries } from './staffViews';
import type { FullQuestion } from '../types';

export type JourneyVersion = { id: number; number: number; title: string; intro: string };

/** The consultation's dates and names (not its strategy text). */
export type JourneyConsultation = {
	id: number;
	slug: string;
	title: string;
	contactEmail: string;
	opensOn: string;
	closesOn: string;
	publishedAt: Date | null;
	closedEarlyAt: Date | null;
	responsePublishedAt: Date | null;
};

export type Journey = {
	response: QuestionnaireResponse;
	consultation: JourneyConsultation;
	status: ConsultationStatus;
	questionnaire: Questionnaire;
	version: JourneyVersion;
	/** In page order, frozen with the version. */
	questions: FullQuestion[];
	answers: Answer[];
	byKey: Record<string, string[]>;
};

export type OpenResult =
	{ ok: true; journey: Journey } | { ok: false; reason: 'not_found' | 'expired' };

// A response's version is never a draft, so its text and questionnaire never change: read once.
const versions = new WeakMap<
	Db,
	Map<number, { version: JourneyVersion; questionnaire: Questionnaire }>
>();

async function frozenVersion(db: Db, versionId: number) {
	let byId = versions.get(db);
	if (!byId) versions.set(db, (byId = new Map()));
	let found = byId.get(versionId);
	if (!found) {
		const row = firstRow(await statements(db).versionWithQuestionnaire.execute({ versionId }))!;
		found = {
			version: { id: row.v.id, number: row.v.number, title: row.v.title, intro: row.v.intro },
			questionnaire: row.q
		};
		byId.set(versionId, found);
	}
	return found;
}

/** Everything a page of the journey needs, from the secret in a resume link. */
export async function openJourney(db: Db, token: string, now = new Date()): Promise<OpenResult> {
	if (!looksLikeResumeToken(token)) return { ok: false, reason: 'not_found' };
	const row = firstRow(
		await statements(db).responseByTokenHash.execute({ hash: hashResumeToken(token) })
	);
	if (!row) return { ok: false, reason: 'not_found' };
	const { r, c } = row;
	if (!r.resumeExpiresAt || r.resumeExpiresAt.getTime() <= now.getTime())
		return { ok: false, reason: 'expired' };
	const questions = await frozenQuestions(db, r.versionId);
	const answers = await statements(db).answersOf.execute({ responseId: r.id });
	return {
		ok: true,
		journey: {
			response: r,
			consultation: c,
			status: consultationStatus(c, ukToday(now)),
			...(await frozenVersion(db, r.versionId)),
			questions,
			answers,
			byKey: answersByKey(questions, answers)
		}
	};
}

/**
 * Where a resume link leads: the first visible question after the last one answered (optional
 * questions skipped on the way are not asked again), or null for check your answers.
 */
export function resumeQuestion(
	questions: readonly FullQuestion[],
	byKey: Record<string, readonly string[]>
): FullQuestion | null {
	const shown = visibleQuestions(questions, byKey);
	const last = shown.findLastIndex((q) => q.key in byKey);
	return shown[last + 1] ?? null;
}

/**
 * Where "Continue" leads after a save: the next visible question, or null for check your answers.
 * Coming from check your answers, only a follow-up the new answer has just opened is asked first.
 */
export function questionAfter(
	questions: readonly FullQuestion[],
	byKey: Record<string, readonly string[]>,
	key: string,
	returnToCheck: boolean
): FullQuestion | null {
	const next = nextQuestion(questions, byKey, key);
	if (!returnToCheck) return next;
	return next && next.showIfQuestionKey === key && !(next.key in byKey) ? next : null;
}

export type QuestionPage = {
	question: FullQuestion;
	number: number;
	previousKey: string | null;
	/** The saved answer: the chosen codes, or the text as typed. */
	saved: { values: string[]; text: string };
};

/** A question page, or 'unknown' (not in this version) or 'hidden' (skip logic hides it now). */
export function questionPage(journey: Journey, key: string): QuestionPage | 'unknown' | 'hidden' {
	const question = journey.questions.find((q) => q.key === key);
	if (!question) return 'unknown';
	const position = questionNumber(journey.questions, journey.byKey, key);
	if (!position) return 'hidden';
	const rows = journey.answers.filter((a) => a.questionId === question.id);
	return {
		question,
		...position,
		previousKey: previousQuestion(journey.questions, journey.byKey, key)?.key ?? null,
		saved: {
			values: rows.flatMap((a) => (a.value === null ? [] : [a.value])),
			text: rows.map((a) => a.textValue ?? a.value ?? '').join('')
		}
	};
}

/** What a page needs to show a question (the answering pages, the staff preview, paper entry): no ids or skip rules. */
export function questionForField(q: FullQuestion) {
	return {
		key: q.key,
		kind: q.kind,
		text: q.text,
		hint: q.hint,
		caption: q.caption,
		required: q.required,
		maxChars: q.maxChars,
		maxWords: q.maxWords,
		textFormat: q.textFormat,
		options: q.options.map((o) => ({ value: o.value, label: o.label, exclusive: o.exclusive }))
	};
}

export type CheckAnswerRow = {
	key: string;
	text: string;
	caption: string | null;
	isProfile: boolean;
	/** As the respondent sees it: option labels one per line, or the text as typed; null if not answered. */
	display: string | null;
	required: boolean;
};

/** The visible questions with their answers, in page order, for check your answers. */
export function checkAnswerRows(
	journey: Pick<Journey, 'questions' | 'answers' | 'byKey'>
): CheckAnswerRow[] {
	return visibleQuestions(journey.questions, journey.byKey).map((q) => {
		const rows = journey.answers.filter((a) => a.questionId === q.id);
		const display =
			q.kind === 'text'
				? rows.map((a) => a.textValue ?? a.value ?? '').join('')
				: rows.map((a) => q.options.find((o) => o.value === a.value)?.label ?? a.value).join('\n');
		return {
			key: q.key,
			text: q.text,
			caption: q.caption,
			isProfile: q.isProfile,
			display: rows.length ? display : null,
			required: q.required
		};
	});
}

/**
 * "It takes about N minutes": choices take about 20 seconds, free text about 45. Of follow-ups
 * that branch on an answer, about half are seen.
 */
export function estimateMinutes(
	questions: readonly Pick<FullQuestion, 'kind' | 'showIfQuestionKey'>[]
): number {
	const seconds = questions.reduce(
		(sum, q) =>
			sum +
			(q.kind === 'text' ? 45 : q.kind === 'multiple' ? 30 : 20) * (q.showIfQuestionKey ? 0.5 : 1),
		0
	);
	return Math.max(1, Math.round(seconds / 60));
}

export type StartPage = {
	consultation: JourneyConsultation & { status: ConsultationStatus };
	questionnaire: Questionnaire;
	versionId: number;
	version: JourneyVersion;
	questions: FullQuestion[];
};

/** A published questionnaire of a public consultation, for its start page; null if there is none. */
export async function findStartPage(
	db: Db,
	slug: string,
	audience: Audience,
	now = new Date()
): Promise<StartPage | null> {
	const found = await findPublicConsultation(db, slug, ukToday(now));
	if (!found) return null;
	const questionnaire = await findQuestionnaireByAudience(db, found.consultation.id, audience);
	const versionId = questionnaire && (await versionIdWithStatus(db, questionnaire.id, 'published'));
	if (!questionnaire || !versionId) return null;
	return {
		consultation: found.consultation,
		questionnaire,
		versionId,
		version: (await frozenVersion(db, versionId)).version,
		questions: await frozenQuestions(db, versionId)
	};
}

/** The audiences whose questionnaire the public can answer, in the usual order. */
export async function publishedAudiences(db: Db, consultationId: number): Promise<Audience[]> {
	return (await questionnaireSummaries(db, consultationId))
		.filter((s) => s.published !== null)
		.map((s) => s.audience);
}
