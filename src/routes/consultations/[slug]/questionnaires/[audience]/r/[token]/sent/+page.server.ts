// The confirmation: the reference, what happens next, and deleting the contact details left.
// Only the holder of the link (the secret) can see this or delete the details.
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { deleteContactDetails, getContactDetails } from '$lib/server/questionnaires/answering';
import { journeyBase, loadJourney, type JourneyParams } from '../../../journey.server';

async function sentJourney(params: JourneyParams) {
	const journey = await loadJourney(params);
	if (journey.response.status !== 'submitted') redirect(303, journeyBase(params));
	return journey;
}

export const load = async ({ params }) => {
	const journey = await sentJourney(params);
	return {
		reference: journey.response.reference!,
		hasContactDetails: (await getContactDetails(getDb(), journey.response.id)) !== null
	};
};

export const actions = {
	deleteContact: async ({ params }) => {
		const journey = await sentJourney(params);
		await deleteContactDetails(getDb(), journey.response.id);
		return { deleted: true };
	}
};
