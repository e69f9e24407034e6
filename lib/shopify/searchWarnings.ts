import { PackageError } from '../packageError';
/**
 * Shopify ignores a search term whose field it does not know and answers as if the term were absent: a
 * mistyped `finacial_status:refunded` returns every order, with HTTP 200 and no error. It says so only in
 * the response's `extensions.search`, one entry per searched connection (keyed by its response path),
 * e.g. as recorded from a live store (airhorns/shopify-draft-proxy,
 * fixtures/conformance/harry-test-heelo.myshopify.com/2025-01/customers/customers-count.json):
 *
 *   "search": [{ "path": ["matching"], "query": "email:grace@example.com",
 *                "parsed": { "field": "email", "match_all": "grace@example.com" },
 *                "warnings": [{ "field": "email", "message": "Invalid search field for this query.",
 *                               "code": "invalid_field" }] }]
 *
 * A search without problems carries no `search` entry at all.
 */
export interface SearchFieldWarning {
	field: string;
	message: string;
	code?: string;
}

export interface SearchReport {
	path: Array<string | number>;
	query: string;
	warnings: SearchFieldWarning[];
}

/** What to do when Shopify ignored part of a search: stop (the default), or go on and say so. */
export type SearchWarningPolicy = 'error' | 'warn';

export interface SearchWarningHandling {
	policy: SearchWarningPolicy;
	/** Where `warn` puts its messages (the run's warnings); each message once. */
	warnings?: string[];
	/** What the user can do, in the words of the node that sent the search. */
	advice: string;
}

/** A search Shopify did not apply in full, so its answer is wider than what was asked. */
export class SearchWarningError extends PackageError {
	readonly code = 'SEARCH_WARNING';
	/** Our search asked for more than Shopify applied: the query is ours to narrow. */
	readonly remote = false;

	constructor(
		message: string,
		readonly reports: SearchReport[],
		readonly advice: string,
	) {
		super(message);
		this.name = 'SearchWarningError';
	}
}

/** The `extensions.search` entries that carry warnings, read defensively (any other shape counts as none). */
export function searchReportsOf(extensions: unknown): SearchReport[] {
	const search = (extensions as { search?: unknown } | undefined)?.search;
	if (!Array.isArray(search)) return [];
	const reports: SearchReport[] = [];
	for (const entry of search as Array<Record<string, unknown> | null>) {
		if (!entry || !Array.isArray(entry.warnings) || entry.warnings.length === 0) continue;
		const warnings = (entry.warnings as Array<Record<string, unknown> | null>).map((warning) => ({
			field: typeof warning?.field === 'string' ? warning.field : '(unnamed field)',
			message: typeof warning?.message === 'string' ? warning.message : 'Shopify gave no reason.',
			...(typeof warning?.code === 'string' ? { code: warning.code } : {}),
		}));
		reports.push({
			path: Array.isArray(entry.path) ? (entry.path as Array<string | number>) : [],
			query: typeof entry.query === 'string' ? entry.query : '',
			warnings,
		});
	}
	return reports;
}

/** One sentence per ignored field: which field, Shopify's own words, and in which search. */
export function describeSearchReports(reports: readonly SearchReport[]): string {
	return reports
		.flatMap((report) =>
			report.warnings.map(
				(warning) =>
					`Shopify ignored the search field "${warning.field}" (${JSON.stringify(warning.message)}) in the search ` +
					`"${report.query}"${report.path.length > 0 ? ` of ${report.path.join('.')}` : ''}, so its answer is not narrowed by it.`,
			),
		)
		.join(' ');
}

/** Stops with SearchWarningError, or records a warning, when Shopify ignored part of a search. */
export function handleSearchWarnings(extensions: unknown, handling: SearchWarningHandling): void {
	const reports = searchReportsOf(extensions);
	if (reports.length === 0) return;
	const message = describeSearchReports(reports);
	if (handling.policy === 'error') throw new SearchWarningError(message, reports, handling.advice);
	if (handling.warnings && !handling.warnings.includes(message)) handling.warnings.push(message);
}
