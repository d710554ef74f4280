import { messageState } from '$lib/server/notify';
import type { EmailOutbox } from '$lib/server/db/schema';
import type { TagColour } from '$lib/components/types';
import { formatDateTime } from '$lib/format';

const colours = {
	pending: 'yellow',
	sent: 'blue',
	delivered: 'green',
	failed: 'red',
	kept: 'grey'
} as const satisfies Record<string, TagColour>;

/** How far a message got, as a tag and a sentence for staff. */
export function deliveryStatus(
	e: Pick<EmailOutbox, 'status' | 'transport' | 'channel' | 'error' | 'attempts' | 'nextAttemptAt'>
): { text: string; colour: TagColour; detail: string } {
	const s = messageState(e, formatDateTime);
	return { text: s.label, colour: colours[s.state], detail: s.detail };
}

const channelNames = { email: 'Email', sms: 'Text message', letter: 'Letter' } as const;

export function channelName(channel: EmailOutbox['channel']): string {
	return channelNames[channel];
}
