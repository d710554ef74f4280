import type { Snippet } from 'svelte';

export type LegendSize = 's' | 'm' | 'l' | 'xl';

export type NavigationItem = {
	href: string;
	text: string;
	/** This section of the service: styled as active, aria-current="true". */
	active?: boolean;
	/** This exact page: styled as active, aria-current="page". */
	current?: boolean;
};

export type FooterLink = { href: string; text: string };

export type RadioItem =
	| { value: string; text: string; hint?: string; conditional?: Snippet; divider?: undefined }
	| { divider: string; value?: string; text?: string; hint?: string; conditional?: Snippet };

export type CheckboxItem =
	| {
			value: string;
			text: string;
			hint?: string;
			/** The GOV.UK "None" option: checking it clears the others (with JavaScript). */
			exclusive?: boolean;
			conditional?: Snippet;
			divider?: undefined;
	  }
	| {
			divider: string;
			value?: string;
			text?: string;
			hint?: string;
			exclusive?: boolean;
			conditional?: Snippet;
	  };

export type DateParts = { day?: string; month?: string; year?: string };

export type SelectItem = { value: string; text: string; disabled?: boolean };

export type SummaryAction = { href: string; text?: string; visuallyHiddenText?: string };

export type SummaryRow = {
	key: string;
	value: string | Snippet;
	actions?: SummaryAction[];
};

export type SummaryCard = {
	title: string;
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	actions?: SummaryAction[];
};

export type TagColour =
	| 'grey'
	| 'green'
	| 'teal'
	| 'turquoise'
	| 'blue'
	| 'light-blue'
	| 'purple'
	| 'magenta'
	| 'pink'
	| 'red'
	| 'orange'
	| 'yellow';

export type TableHead = { text: string; numeric?: boolean };
export type TableCell = { text: string | number; numeric?: boolean; header?: boolean };

export type TaskListItem = {
	title: string;
	href?: string;
	hint?: string;
	status: { text: string; tag?: { text: string; colour?: TagColour }; cannotStartYet?: boolean };
};

export type InputWidth =
	| '2'
	| '3'
	| '4'
	| '5'
	| '10'
	| '20'
	| '30'
	| 'full'
	| 'three-quarters'
	| 'two-thirds'
	| 'one-half'
	| 'one-third'
	| 'one-quarter';
