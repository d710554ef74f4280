// When to try a failed message again. A plain rule, used by every channel.

/** Tries in all, the first included; after the last the message is failed for staff to see. */
export const MAX_ATTEMPTS = 8;

const MINUTE = 60_000;
const MAX_DELAY_MS = 6 * 60 * MINUTE;

/** The wait after the given number of failed tries: 1, 4, 16, 64 minutes..., at most 6 hours. */
export function retryDelayMs(failures: number): number {
	return Math.min(MINUTE * 4 ** Math.max(0, failures - 1), MAX_DELAY_MS);
}

/** A send that did not work. `retryable` false means trying again cannot help (a bad address). */
export class DeliveryError extends Error {
	constructor(
		message: string,
		readonly retryable: boolean
	) {
		super(message);
	}
}

export type FailureOutcome =
	{ status: 'queued'; nextAttemptAt: Date } | { status: 'failed'; nextAttemptAt: null };

/** What happens to a message after its `attempts`-th try failed. */
export function afterFailure(attempts: number, retryable: boolean, now: Date): FailureOutcome {
	if (!retryable || attempts >= MAX_ATTEMPTS) return { status: 'failed', nextAttemptAt: null };
	return { status: 'queued', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
