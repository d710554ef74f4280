// The summary workbook's writer: sheets of rows, a font per row and column widths, written by
// write-excel-file (2 packages, 3.7 MB, where exceljs was 194 packages; README, "Dependencies").
// It keeps the shape of the exceljs calls it replaced (addRow().font, getColumn().width).
import writeXlsxFile, { type Cell } from 'write-excel-file/node';

export type Font = { bold?: boolean; size?: number };
type Row = { values: (string | number)[]; font?: Font };
type Column = { width?: number };

export class Worksheet {
	readonly rows: Row[] = [];
	readonly columns: Column[] = [];
	constructor(readonly name: string) {}

	addRow(values: (string | number)[]): Row {
		const row: Row = { values };
		this.rows.push(row);
		return row;
	}

	/** Column `n`, counted from 1 as in a spreadsheet; set its `width` in characters. */
	getColumn(n: number): Column {
		while (this.columns.length < n) this.columns.push({});
		return this.columns[n - 1];
	}
}

export class Workbook {
	readonly worksheets: Worksheet[] = [];

	addWorksheet(name: string): Worksheet {
		const sheet = new Worksheet(name);
		this.worksheets.push(sheet);
		return sheet;
	}

	async toBuffer(): Promise<Buffer> {
		const cell = (value: string | number, font?: Font): Cell => ({
			value,
			fontWeight: font?.bold ? 'bold' : undefined,
			fontSize: font?.size
		});
		return writeXlsxFile(
			this.worksheets.map((sheet) => ({
				sheet: sheet.name,
				columns: sheet.columns,
				data: sheet.rows.map((row) => row.values.map((v) => cell(v, row.font)))
			}))
		).toBuffer();
	}
}
