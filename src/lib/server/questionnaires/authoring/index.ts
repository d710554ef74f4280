// Authoring questionnaires: drafts, the editor, starter sets and publishing. Publishing freezes a
// version; nothing here changes one that is published, and answering never imports from here.
export {
	addQuestion,
	createQuestionnaire,
	ensureDraftVersion,
	getDraftVersion,
	moveQuestion,
	publishVersion,
	removeQuestion,
	updateQuestion,
	updateVersionText
} from './drafts';
export { easyReadFlags } from './checks';
export { describeShowIf, kindLabels, parseQuestionForm, questionFormValues } from './questionForm';
export { publishStarterQuestionnaires } from './publishStarters';
