import { describe, expect, it } from 'vitest';
import { announcementText, timeLeftText } from './timeout';

describe('time-out warning words', () => {
	it('count minutes, then seconds in the last minute', () => {
		expect(timeLeftText(120)).toBe('2 minutes');
		expect(timeLeftText(61)).toBe('2 minutes');
		expect(timeLeftText(60)).toBe('1 minute');
		expect(timeLeftText(45.2)).toBe('46 seconds');
		expect(timeLeftText(1)).toBe('1 second');
		expect(timeLeftText(-3)).toBe('0 seconds');
	});

	it('announce in steps, so a screen reader is not read every second', () => {
		expect(announcementText(119)).toBe('We will sign you out in 2 minutes.');
		expect(announcementText(90)).toBe('We will sign you out in 2 minutes.');
		expect(announcementText(59)).toBe('We will sign you out in 1 minute.');
		expect(announcementText(39)).toBe('We will sign you out in 40 seconds.');
		expect(announcementText(5)).toBe('We will sign you out in 20 seconds.');
	});
});
