import { firstValue } from '$lib/formValues';
import {
	ACCESS_NEED_LABELS,
	accessErrorsForBooker,
	accessNeedChoices,
	accessNeedsSchema
} from '$lib/server/roadshow/validation';
import { backHref, loadJourney, saveStep } from '../../journey.server';

// The same wording as the register and the emails, from one list.
export const load = ({ params, url }) => ({
	backHref: backHref(params, 'access-needs', url),
	needs: accessNeedChoices,
	noneText: ACCESS_NEED_LABELS.none
});

export const actions = {
	default: async (event) => {
		// Saved answers redirect to the next question; only a refusal comes back.
		const result = await saveStep(event, 'access-needs', accessNeedsSchema);
		// Someone booking for a family is told about the family's needs, not "yours".
		const bookedBy = firstValue((await loadJourney(event.params, new Date())).answers.bookedBy);
		result.data.errors = accessErrorsForBooker(
			result.data.errors,
			bookedBy === 'on_behalf' ? 'on_behalf' : 'family'
		);
		return result;
	}
};
