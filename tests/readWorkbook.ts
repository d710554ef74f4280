// Reads an .xlsx back for tests, straight from its zip and XML (fflate unzips), so the tests check
// what a spreadsheet program would see: sheet names, cell values and types, bold and size, widths.
import { strFromU8, unzipSync } from 'fflate';

export type ReadCell = { value: string | number; bold: boolean; size?: number };
export type ReadSheet = {
	name: string;
	/** Rows from row 1, cells from column A; a gap is null. */
	cells: (ReadCell | null)[][];
	/** Values only, in the same places. */
	rows: (string | number | null)[][];
	/** Width in characters by column index from 0, where one is set. */
	widths: (number | undefined)[];
};

const unescape = (text: string) =>
	text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
		.replace(/&amp;/g, '&');

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The text of every <t> inside, joined (a rich-text string has several). */
const texts = (xml: string) =>
	[...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1])).join('');

const columnIndex = (ref: string) =>
	[...ref.replace(/\d+$/, '')].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

export function readWorkbook(file: Uint8Array | ArrayBuffer): ReadSheet[] {
	const zip = unzipSync(file instanceof Uint8Array ? file : new Uint8Array(file));
	const part = (name: string) => (zip[name] ? strFromU8(zip[name]) : '');
	const shared = [...part('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
		texts(m[1])
	);
	const styles = part('xl/styles.xml');
	const fonts = [
		...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(
			/<font(?:\s[^>]*)?>([\s\S]*?)<\/font>|<font\s*\/>/g
		)
	].map((m) => ({
		bold: /<b\s*\/>|<b\s+val="(1|true)"\s*\/>/.test(m[1] ?? ''),
		size: Number(/<sz\s+val="([\d.]+)"/.exec(m[1] ?? '')?.[1]) || undefined
	}));
	const xfs = [
		...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)
	].map((m) => Number(attribute(m[0], 'fontId') ?? 0));
	const targets = new Map(
		[...part('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
			attribute(m[0], 'Id'),
			attribute(m[0], 'Target')!.replace(/^\/?(xl\/)?/, 'xl/')
		])
	);
	return [...part('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m) => {
		const xml = part(targets.get(attribute(m[0], 'r:id'))!);
		const cells: (ReadCell | null)[][] = [];
		for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
			const r = Number(attribute(row[0], 'r')) - 1;
			cells[r] = [];
			for (const c of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
				const tag = `<c${c[1]}>`;
				const body = c[2] ?? '';
				const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
				const type = attribute(tag, 't');
				const value =
					type === 's'
						? shared[Number(raw)]
						: type === 'inlineStr'
							? texts(body)
							: type === 'str' || type === 'b'
								? unescape(raw ?? '')
								: raw === undefined
									? undefined
									: Number(raw);
				if (value === undefined) continue;
				const font = fonts[xfs[Number(attribute(tag, 's') ?? 0)] ?? 0] ?? { bold: false };
				cells[r][columnIndex(attribute(tag, 'r')!)] = { value, ...font };
			}
		}
		const filled = Array.from(cells, (row) => Array.from(row ?? [], (cell) => cell ?? null));
		const widths: (number | undefined)[] = [];
		for (const col of xml.matchAll(/<col\b[^>]*>/g)) {
			const width = Number(attribute(col[0], 'width'));
			for (let i = Number(attribute(col[0], 'min')); i <= Number(attribute(col[0], 'max')); i++)
				widths[i - 1] = width;
		}
		return {
			name: unescape(attribute(m[0], 'name')!),
			cells: filled,
			rows: filled.map((row) => row.map((cell) => cell?.value ?? null)),
			widths
		};
	});
}

export function sheetNamed(sheets: ReadSheet[], name: string): ReadSheet {
	const sheet = sheets.find((s) => s.name === name);
	if (!sheet) throw new Error(`No sheet named ${name}: ${sheets.map((s) => s.name).join(', ')}`);
	return sheet;
}
