// UK mobile numbers, for text messages: what people type ("07700 900 982", "+44 (0)7700-900982",
// "447700900982") in, the one form Notify and the database keep ("+447700900982") out.

/** The normalised number, or null if it is not a UK mobile number. */
export function normaliseUkMobile(input: string): string | null {
	const trimmed = input.trim();
	// Spaces, dashes, dots and brackets are how people write numbers; anything else is not a number.
	if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
	let digits = trimmed.replace(/\D/g, '');
	if (trimmed.startsWith('+') || digits.startsWith('44')) {
		if (!digits.startsWith('44')) return null;
		digits = digits.slice(2);
		// "+44 (0)7700..." keeps a trunk zero some people write.
		if (digits.startsWith('0')) digits = digits.slice(1);
	} else if (digits.startsWith('0')) digits = digits.slice(1);
	else return null;
	// UK mobiles are 07 then 9 digits; 070 (personal numbers) and 076 (pagers, except 07624 on the
	// Isle of Man) are not mobiles.
	if (!/^7\d{9}$/.test(digits)) return null;
	if (digits.startsWith('70') || (digits.startsWith('76') && !digits.startsWith('7624')))
		return null;
	return `+44${digits}`;
}

/** For people to read: "07700 900982". */
export function formatUkMobile(normalised: string): string {
	const national = `0${normalised.replace(/^\+44/, '')}`;
	return `${national.slice(0, 5)} ${national.slice(5)}`;
}
