/** A UK calendar date some days from today, as the three GOV.UK date boxes. */
export function dayFromToday(days: number): { day: string; month: string; year: string } {
	const d = new Date(Date.now() + days * 86_400_000);
	const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
		.format(d)
		.split('-');
	return { day: String(Number(day)), month: String(Number(month)), year };
}
