import { editKey, restockKey, saleKey, stockEventOf } from '../../../../../../lib/shopify/orders/stockChanges';

/** Golden: POS steps derive idempotency keys from these; a change here would move stock a second time. */
describe('stock change key recipes', () => {
	it('sale: order id + line item id', () => {
		expect(saleKey('820982911946154508', '487817672276298554')).toBe('sale:820982911946154508:487817672276298554');
	});

	it('restock: refund id + refund line item id', () => {
		expect(restockKey('890088186047892319', '487817672276298627')).toBe('restock:890088186047892319:487817672276298627');
	});

	it('edit: order edit id + line item id', () => {
		expect(editKey('78912328793123782', '78643924236718237')).toBe('edit:78912328793123782:78643924236718237');
	});

	it('names the event of a key (what the trigger remembers)', () => {
		expect(stockEventOf('sale:820982911946154508:487817672276298554')).toBe('sale:820982911946154508');
		expect(stockEventOf('restock:890088186047892319:487817672276298627')).toBe('restock:890088186047892319');
		expect(stockEventOf('edit:78912328793123782:78643924236718237')).toBe('edit:78912328793123782');
	});
});
