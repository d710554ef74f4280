// Core consultations: schools register, staff allocate a specialist and a date, schools evaluate.
export {
	STRANDS,
	SCHOOL_TYPE_NAMES,
	THEMES,
	USEFULNESS_NAMES,
	STATUS_TAGS,
	termName,
	termOf,
	upcomingTerms,
	recentTerms,
	compareTerms,
	isTerm,
	schoolKey,
	type Strand,
	type CoreStatus
} from './labels';
export {
	registrationSchema,
	schoolChangeSchema,
	allocationSchema,
	evaluationSchema,
	cancelSchema
} from './validation';
export {
	registerSchool,
	findByManageToken,
	getCoreConsultation,
	getEvaluation,
	listRegistrations,
	registrationTerms,
	allocateMeeting,
	cancelCoreConsultation,
	markHeld,
	changeSchoolDetails,
	evaluateMeeting,
	themesOf
} from './registrations';
export { coreCalendarFile, manageCoreUrl } from './calendar';
export { notifySchool, coreEmail } from './emails';
export { coreResults, type CoreResults } from './results';
export { suppressTable, suppressCount } from './disclosure';
