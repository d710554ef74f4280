import { STRANDS } from '$lib/server/coreConsultations';

export const load = () => ({
	strands: Object.entries(STRANDS).map(([value, s]) => ({ value, ...s }))
});
