import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvSafe, writeCsv } from './csv';

describe('csvSafe', () => {
	it('neutralises cells a spreadsheet would run as a formula', () => {
		for (const bad of ['=1+1', '+44 1234', '-2', '@SUM(A1)', '\t=x', '\r=x'])
			expect(csvSafe(bad)).toBe(`'${bad}`);
		expect(csvSafe('Sam = Parent')).toBe('Sam = Parent');
		expect(csvSafe('')).toBe('');
	});
});

describe('writeCsv', () => {
	const awkward = [
		'two lines\nwith a bare LF',
		'two lines\r\nwith CR LF',
		'a lone\rcarriage return',
		"first line\n=cmd|' /C calc'!A0",
		'first line\r\n+SUM(A1:A9)',
		'a "quoted" word, and a comma',
		'=HYPERLINK("http://evil")',
		'\n@start after a leading break',
		'plain'
	];

	it('reads back record for record and cell for cell, however the text breaks lines', () => {
		const records = [['id', 'answer'], ...awkward.map((a, i) => [String(i + 1), a])];
		const csv = writeCsv(records);
		const back = parse(csv, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
		expect(back).toHaveLength(records.length);
		expect(back).toEqual(records.map((r) => r.map(csvSafe)));
		// Only the real record ends are CR LF outside quotes: every record starts with its id.
		expect(csv.split('\r\n').filter(Boolean).length).toBeGreaterThanOrEqual(records.length);
		expect(csv.endsWith('\r\n')).toBe(true);
	});

	it('quotes every cell with a line break, so no line inside an answer starts a record', () => {
		const csv = writeCsv([['1', "line one\n=cmd|' /C calc'!A0"]]);
		expect(csv).toBe('1,"line one\n=cmd|\' /C calc\'!A0"\r\n');
		// Whatever a reader takes as a line ending, the formula line is inside the quoted cell.
		const lfReader = parse(csv, { relax_quotes: false }) as string[][];
		expect(lfReader).toEqual([['1', "line one\n=cmd|' /C calc'!A0"]]);
	});

	it('makes formula cells text and leaves ordinary ones alone', () => {
		expect(parse(writeCsv([['=1+1', '-2', 'ok']]))).toEqual([["'=1+1", "'-2", 'ok']]);
	});
});
