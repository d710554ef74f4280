// The tables the app's queries are built on: SQLite's (schema-sqlite/) or PostgreSQL's twins
// (schema-pg/), chosen once, when this module is first imported, by DATABASE_URL. Both sets
// have the same names, columns and row types (schemaParity.test.ts), so the app is typed against
// SQLite's. Tables are listed by name rather than re-exported with `export *`, so that a table
// missing here is a compile error where it is used, never SQLite's table on PostgreSQL.
import * as sqliteTables from './schema-sqlite';
import * as pgTables from './schema-pg';
import { databaseTarget } from '../config';

/** The engine this process's queries are built for. A DATABASE_URL that names neither is
 * reported by the start-up's openConfiguredDatabase, in one plain message. */
export const schemaDialect = (() => {
	try {
		return databaseTarget().engine;
	} catch {
		return 'sqlite';
	}
})();

const tables = (schemaDialect === 'postgres'
	? pgTables
	: sqliteTables) as unknown as typeof sqliteTables;

export const {
	answer,
	answerTally,
	auditEvent,
	authSession,
	booking,
	bookingDraft,
	bookingManageLink,
	commentPriority,
	commentTheme,
	consultation,
	consultationResponse,
	coreConsultation,
	coreConsultationEvaluation,
	emailOutbox,
	liaisonGroup,
	liaisonLetter,
	liaisonMeeting,
	liaisonMember,
	liaisonReferral,
	pageFeedback,
	priority,
	prioritySaidDid,
	question,
	questionOption,
	questionPriority,
	questionnaire,
	questionnaireVersion,
	rateLimit,
	response,
	responseContact,
	responseTally,
	roadshowNote,
	roadshowNotePriority,
	roadshowSession,
	signInAttempt,
	staffUser,
	theme,
	themeTally
} = tables;

// The code lists are the same objects in both schemas.
export {
	CORE_STATUSES,
	CORE_STRANDS,
	SCHOOL_TYPES,
	USEFULNESS,
	accessNeedCodes,
	audienceCodes,
	bookedByCodes,
	bookingStatuses,
	channelCodes,
	messageChannels,
	messageStatuses,
	messageTransports,
	questionKinds,
	responseStatuses,
	sessionModes,
	staffRoles,
	textFormats,
	versionStatuses
} from './schema-sqlite';

export type {
	AccessNeed,
	Answer,
	Audience,
	Booking,
	BookingDraft,
	Channel,
	CoreConsultation,
	CoreConsultationEvaluation,
	EmailOutbox,
	LiaisonGroup,
	LiaisonLetter,
	LiaisonMeeting,
	LiaisonMember,
	LiaisonReferral,
	MessageChannel,
	MessageStatus,
	PageFeedback,
	Question,
	QuestionKind,
	QuestionOption,
	Questionnaire,
	QuestionnaireResponse,
	QuestionnaireVersion,
	ResponseContact,
	RoadshowNote,
	RoadshowSession,
	TextFormat
} from './schema-sqlite';
