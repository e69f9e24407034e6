/**
 * Shopify's accepted `reason` values for inventoryAdjustQuantities / inventorySetQuantities. The field is a
 * plain String in the schema; Shopify rejects any other value at run time with INVALID_REASON.
 */
export const INVENTORY_REASONS = [
	{ value: 'correction', label: 'Correction', description: 'Corrects an inventory error; the general-purpose reason' },
	{ value: 'cycle_count_available', label: 'Cycle Count', description: 'A count found a different quantity than recorded' },
	{ value: 'damaged', label: 'Damaged', description: 'Units removed because they are damaged' },
	{ value: 'movement_canceled', label: 'Movement Canceled', description: 'A stock movement was canceled' },
	{ value: 'movement_created', label: 'Movement Created', description: 'A stock movement was created' },
	{ value: 'movement_received', label: 'Movement Received', description: 'A stock movement was received' },
	{ value: 'movement_updated', label: 'Movement Updated', description: 'A stock movement was updated' },
	{ value: 'other', label: 'Other', description: 'Any other reason' },
	{ value: 'promotion', label: 'Promotion or Donation', description: 'Units removed for a promotion or a donation' },
	{ value: 'quality_control', label: 'Quality Control', description: 'Units set aside for inspection' },
	{ value: 'received', label: 'Received', description: 'Units the store received' },
	{ value: 'reservation_created', label: 'Reservation Created', description: 'Units reserved' },
	{ value: 'reservation_deleted', label: 'Reservation Deleted', description: 'A reservation was removed' },
	{ value: 'reservation_updated', label: 'Reservation Updated', description: 'A reservation was changed' },
	{ value: 'restock', label: 'Restock', description: 'Returned units put back into stock to be sold again' },
	{ value: 'safety_stock', label: 'Safety Stock', description: 'Units kept back as safety stock' },
	{ value: 'shrinkage', label: 'Theft or Loss', description: 'Fewer units than recorded because of theft or loss' },
] as const;

export type InventoryReason = (typeof INVENTORY_REASONS)[number]['value'];

const REASON_VALUES: ReadonlySet<string> = new Set(INVENTORY_REASONS.map((reason) => reason.value));

export function isInventoryReason(value: string): value is InventoryReason {
	return REASON_VALUES.has(value);
}
