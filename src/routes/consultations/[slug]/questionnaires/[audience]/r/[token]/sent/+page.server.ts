// The confirmation: the reference, what happens next, and deleting the contact details left.
// Only the holder of the link (the secret) can see this or delete the details.
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { deleteContactDetails, getContactDetails } from '$lib/server/questionnaires/answering';
import { journeyBase, loadJourney, type JourneyParams } from '../../../journey.server';

function sentJourney(params: JourneyParams) {
	const journey = loadJourney(params);
	if (journey.response.status !== 'submitted') redirect(303, journeyBase(params));
	return journey;
}

export const load = ({ params }) => {
	const journey = sentJourney(params);
	return {
		reference: journey.response.reference!,
		hasContactDetails: getContactDetails(getDb(), journey.response.id) !== null
	};
};

export const actions = {
	deleteContact: ({ params }) => {
		const journey = sentJourney(params);
		deleteContactDetails(getDb(), journey.response.id);
		return { deleted: true };
	}
};
