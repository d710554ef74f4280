// Keeps the rooms honest: reads every import in src/ and fails when one looks up or sideways.
// - A server room imports only from rooms below it (RANK). Type imports count: they couple too.
// - questionnaires/answering never imports questionnaires/authoring (its tests may, to set up).
// - Nothing in src/lib/components imports $lib/server: components take plain props.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Lower imports nowhere higher; two rooms of one rank may not import each other either. */
const RANK: Record<string, number> = {
	config: 0,
	log: 1,
	shared: 2,
	markdown: 2,
	db: 3,
	audit: 4,
	// Notify records who asked for a message to be sent again.
	notify: 5,
	// Rate limits on public forms; the hook and the routes apply them.
	limits: 5,
	auth: 6,
	consultations: 7,
	// The services beside the strategy consultation: each stands alone.
	pageFeedback: 7,
	roadshow: 8,
	questionnaires: 9,
	// Schools' core consultations borrow the roadshow's references and UK times.
	coreConsultations: 9,
	insights: 10,
	// Pre-school liaison: its own records over db, audit and notify (times read as roadshow does).
	liaison: 9,
	// The app's wiring: clean-up and the demo seed reach every room; start-up runs them.
	retention: 11,
	demo: 11,
	startup: 12
};

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

type Edge = { from: string; specifier: string; to: string };

/** The server room a path in src/ belongs to, or null outside src/lib/server. */
function roomOf(path: string): string | null {
	const m = /^src\/lib\/server\/([^/]+)/.exec(path);
	return m ? m[1].split('.')[0] : null;
}

/** Why this import breaks a rule, or null when it keeps them. */
function brokenRule(from: string, to: string): string | null {
	if (from.startsWith('src/lib/components/') && to.startsWith('src/lib/server'))
		return 'a component imports $lib/server';
	if (
		from.startsWith('src/lib/server/questionnaires/answering/') &&
		!from.endsWith('.test.ts') &&
		to.startsWith('src/lib/server/questionnaires/authoring')
	)
		return 'answering imports authoring';
	const a = roomOf(from);
	const b = roomOf(to);
	if (!a || !b || a === b) return null;
	if (!(a in RANK)) return `room ${a} is not in RANK`;
	if (!(b in RANK)) return `room ${b} is not in RANK`;
	if (RANK[b] > RANK[a]) return `${a} imports ${b}, a room above it`;
	if (RANK[b] === RANK[a]) return `${a} imports ${b}, a room beside it`;
	return null;
}

const IMPORT =
	/^\s*(?:import|export)\s[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The specifiers a module imports, static, side-effect and dynamic. */
function importsOf(source: string): string[] {
	return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function sourceFiles(dir: string): string[] {
	return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
	});
}

function importGraph(): Edge[] {
	// This file's own examples are strings, not imports.
	const self = relative(root, fileURLToPath(import.meta.url));
	const files = sourceFiles('src').filter((path) => path !== self);
	return files.flatMap((from) =>
		importsOf(readFileSync(join(root, from), 'utf8')).flatMap((specifier) => {
			let to: string;
			if (specifier.startsWith('$lib/')) to = `src/lib/${specifier.slice(5)}`;
			else if (specifier.startsWith('.'))
				to = relative(root, normalize(join(root, dirname(from), specifier)));
			else return [];
			return [{ from, specifier, to }];
		})
	);
}

describe('brokenRule', () => {
	it('lets a room import from below and from itself', () => {
		expect(brokenRule('src/lib/server/roadshow/bookings.ts', 'src/lib/server/db/schema')).toBe(
			null
		);
		expect(brokenRule('src/lib/server/insights/coding.ts', 'src/lib/server/insights/sql')).toBe(
			null
		);
		expect(brokenRule('src/routes/+page.server.ts', 'src/lib/server/insights')).toBe(null);
	});

	it('refuses an import from a room above or beside', () => {
		expect(brokenRule('src/lib/server/roadshow/x.ts', 'src/lib/server/questionnaires')).toBe(
			'roadshow imports questionnaires, a room above it'
		);
		expect(brokenRule('src/lib/server/db/index.ts', 'src/lib/server/auth/access')).toMatch(/above/);
		expect(brokenRule('src/lib/server/insights/x.ts', 'src/lib/server/demo/seed')).toMatch(/above/);
		expect(brokenRule('src/lib/server/notify/send.ts', 'src/lib/server/auth')).toMatch(/above/);
		expect(brokenRule('src/lib/server/retention/index.ts', 'src/lib/server/demo')).toMatch(
			/beside/
		);
		expect(brokenRule('src/lib/server/newRoom/x.ts', 'src/lib/server/db')).toMatch(/not in RANK/);
	});

	it('keeps answering apart from authoring, except in its tests', () => {
		const authoring = 'src/lib/server/questionnaires/authoring';
		expect(brokenRule('src/lib/server/questionnaires/answering/journey.ts', authoring)).toBe(
			'answering imports authoring'
		);
		expect(brokenRule('src/lib/server/questionnaires/answering/journey.test.ts', authoring)).toBe(
			null
		);
		expect(
			brokenRule(
				'src/lib/server/questionnaires/answering/journey.ts',
				'src/lib/server/questionnaires/versions'
			)
		).toBe(null);
	});

	it('keeps components off the server', () => {
		expect(brokenRule('src/lib/components/Table.svelte', 'src/lib/server/insights/view')).toBe(
			'a component imports $lib/server'
		);
		expect(brokenRule('src/lib/components/Table.svelte', 'src/lib/format')).toBe(null);
	});
});

describe('importsOf', () => {
	it('finds static, multi-line, type, re-export, side-effect and dynamic imports', () => {
		const source = [
			"import { a } from './a';",
			'import {\n\tb,\n\ttype C\n} from "$lib/b";',
			"import type { D } from '../d';",
			"export { e } from './e';",
			"import './f.css';",
			"const g = await import('./g');",
			"// prose that says import nothing from here is not code: 'x'"
		].join('\n');
		expect(importsOf(source)).toEqual(['./a', '$lib/b', '../d', './e', './f.css', './g']);
	});
});

describe('the import graph of src/', () => {
	const edges = importGraph();
	const key = (e: Edge) => `${e.from} -> ${e.specifier}`;

	it('is read whole', () => {
		expect(edges.length).toBeGreaterThan(500);
		expect(edges.map(key)).toContain('src/lib/server/insights/exports.ts -> ../db');
	});

	it('has no import that looks up or sideways', () => {
		const broken = edges.flatMap((e) => {
			const rule = brokenRule(e.from, e.to);
			return rule ? [`${key(e)}: ${rule}`] : [];
		});
		expect(broken).toEqual([]);
	});
});
