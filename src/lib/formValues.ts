// Reading a form's kept answers back into its fields (after an error, or when editing).
export type FormFieldValues = Record<string, string | string[] | undefined>;

/** A posted value as text: the first one if the field was posted more than once. */
export function firstValue(value: string | string[] | undefined): string {
	return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/** The field's value as text: the first one if the field was posted more than once. */
export function fieldText(values: FormFieldValues, key: string): string {
	return firstValue(values[key]);
}

/** The day, month and year boxes of the date field `name` ("opensOn-day", …), for DateInput. */
export function fieldDate(
	values: FormFieldValues,
	name: string
): { day: string; month: string; year: string } {
	return {
		day: fieldText(values, `${name}-day`),
		month: fieldText(values, `${name}-month`),
		year: fieldText(values, `${name}-year`)
	};
}
