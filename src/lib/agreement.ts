// The agreement scale used by Ofsted/CQC's SEND consultations, with "Don't know" always offered,
// and its Easy Read wording for young people. One vocabulary for the server (questions, figures)
// and the components (faces, charts), so the words never drift apart.
export const agreementValues = [
	'strongly_agree',
	'agree',
	'neither',
	'disagree',
	'strongly_disagree',
	'dont_know'
] as const;
export type AgreementValue = (typeof agreementValues)[number];

export const agreementLabels: Record<AgreementValue, string> = {
	strongly_agree: 'Strongly agree',
	agree: 'Agree',
	neither: 'Neither agree nor disagree',
	disagree: 'Disagree',
	strongly_disagree: 'Strongly disagree',
	dont_know: "Don't know"
};

export const easyReadAgreementLabels: Record<AgreementValue, string> = {
	strongly_agree: 'I really agree',
	agree: 'I agree',
	neither: "I'm not sure",
	disagree: "I don't agree",
	strongly_disagree: "I really don't agree",
	dont_know: "I don't know"
};

/** Answers that lead to the "Why do you disagree?" follow-up. */
export const disagreeValues: AgreementValue[] = ['disagree', 'strongly_disagree'];

export function isAgreementValue(value: string): value is AgreementValue {
	return (agreementValues as readonly string[]).includes(value);
}

/** The scale as options, stored with each agreement question so its labels freeze with the version. */
export function agreementOptions(
	easyRead: boolean
): { value: AgreementValue; label: string; exclusive: boolean }[] {
	const labels = easyRead ? easyReadAgreementLabels : agreementLabels;
	return agreementValues.map((value) => ({ value, label: labels[value], exclusive: false }));
}
