// RPT-1..5 exports: one column list drives CSV and XLSX, so both carry exactly the JSON figures.
// CSV is UTF-8 with a BOM (Excel otherwise reads Chinese headers as mojibake); headers are
// bilingual '中文 English'.
import type { Response } from 'express';

export type Column<T> = { key: string; zh: string; en: string; value: (row: T) => string | number | null; money?: boolean };
export type Table<T> = { sheet: string; columns: Column<T>[]; rows: readonly T[] };

export const BOM = '\uFEFF';

export const header = (column: Column<unknown>) => `${column.zh} ${column.en}`;

function csvCell(value: string | number | null): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	// A leading = + - @ would be read by Excel as a formula (CSV injection): quote it as text.
	const safe = /^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv<T>(tables: Table<T>[]): string {
	const parts = tables.map((table) => {
		const lines = [table.columns.map((c) => csvCell(header(c as Column<unknown>))).join(',')];
		for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(c.value(row))).join(','));
		return lines.join('\r\n');
	});
	return `${BOM}${parts.join('\r\n\r\n')}\r\n`;
}

export async function toXlsx<T>(tables: Table<T>[]): Promise<Buffer> {
	const { default: ExcelJS } = await import('exceljs');
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'after-sales';
	for (const table of tables) {
		const sheet = workbook.addWorksheet(table.sheet);
		sheet.columns = table.columns.map((c) => ({ header: header(c as Column<unknown>), key: c.key, width: Math.max(12, header(c as Column<unknown>).length + 4) }));
		sheet.getRow(1).font = { bold: true };
		sheet.views = [{ state: 'frozen', ySplit: 1 }];
		for (const row of table.rows) {
			sheet.addRow(table.columns.map((c) => {
				const value = c.value(row);
				// Money stays a decimal string in JSON; in Excel it is a number cell with two decimals.
				return c.money && value !== null ? Number(value) : value;
			}));
		}
		table.columns.forEach((c, index) => {
			if (c.money) sheet.getColumn(index + 1).numFmt = '#,##0.00';
		});
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends a report as JSON, CSV or XLSX with a download filename. */
export async function sendReport<T>(res: Response, format: 'json' | 'csv' | 'xlsx', filename: string, data: unknown, tables: () => Table<T>[]) {
	if (format === 'json') {
		res.json({ data });
		return;
	}
	const disposition = `attachment; filename="${filename}.${format}"; filename*=UTF-8''${encodeURIComponent(`${filename}.${format}`)}`;
	res.setHeader('Content-Disposition', disposition);
	res.setHeader('Cache-Control', 'no-store');
	if (format === 'csv') {
		res.setHeader('Content-Type', 'text/csv; charset=utf-8');
		res.send(toCsv(tables()));
		return;
	}
	res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
	res.send(await toXlsx(tables()));
}
