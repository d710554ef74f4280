export const load = ({ url }) => {
	const reference = url.searchParams.get('reference') ?? '';
	return { reference: /^CC-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(reference) ? reference : null };
};
