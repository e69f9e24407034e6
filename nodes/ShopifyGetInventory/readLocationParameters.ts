import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import type { LocationScope } from '../../lib/shopify/inventory/levelTypes';
import type { LocationSelector } from '../../lib/shopify/inventory/types';
import { normalizeGid } from '../../lib/shopify/inventory/validateChange';

/** "12345", "gid://shopify/Location/12345" or a name → a selector. */
export function selectorOf(value: string, by: 'id' | 'name' | 'guess'): LocationSelector {
	const text = value.trim();
	const id = normalizeGid(text, 'Location');
	if (by === 'id' || (by === 'guess' && id)) {
		if (!id) throw new Error(`Location ID "${text}" is not a Shopify location ID. Use a number like 12345678 or gid://shopify/Location/12345678.`);
		return { by: 'id', id };
	}
	if (text === '') throw new Error('Location is empty. Choose a location from the list, or enter its ID or name.');
	return { by: 'name', name: text };
}

/** The Location resource locator (From List and By ID give an ID, By Name a name). */
export function readLocationSelector(ctx: IExecuteFunctions, itemIndex: number): LocationSelector {
	const location = ctx.getNodeParameter('location', itemIndex) as INodeParameterResourceLocator | string;
	const mode = typeof location === 'object' ? location.mode : 'id';
	const value = String(typeof location === 'object' ? location.value : location);
	return selectorOf(value, mode === 'name' ? 'name' : 'id');
}

export function readLocationScope(ctx: IExecuteFunctions): LocationScope {
	const scope = ctx.getNodeParameter('locationScope', 0) as string;
	if (scope === 'all') return { kind: 'all' };
	if (scope === 'several') {
		const list = String(ctx.getNodeParameter('locationList', 0) ?? '');
		const selectors = list.split(',').filter((part) => part.trim() !== '').map((part) => selectorOf(part, 'guess'));
		if (selectors.length === 0) throw new Error('Location IDs or Names is empty. Enter at least one location, separated by commas.');
		return { kind: 'some', selectors };
	}
	return { kind: 'some', selectors: [readLocationSelector(ctx, 0)] };
}
