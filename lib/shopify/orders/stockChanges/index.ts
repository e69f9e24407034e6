/** The stock effect of Shopify order events on a POS: StockChange and the functions that derive it. */
export type { StockChange } from './stockChange';
export { saleKey, restockKey, editKey, stockEventOf } from './stockChangeKeys';
export { saleChanges } from './saleChanges';
export { restockChanges, type RestRefund } from './restockChanges';
export { readOrderEdit, editChanges } from './editChanges';
export { planDeliveryStockChanges, FIRST_SIGHT_WINDOW_MS } from './deliveryStockChanges';
export { fetchEditedOrderLines } from './fetchEditedLines';
export { claimStockChanges } from './claimStockChanges';
export { pollStockChanges } from './pollStockChanges';
