/** The stock effect of Shopify order events on a POS: StockChange and the functions that derive it. */
export type { StockChange, StockChangeCause } from './stockChange';
export { saleKey, restockKey, editKey, stockEventOf } from './stockChangeKeys';
export { saleChanges } from './saleChanges';
export { restockChanges, type RestRefund } from './restockChanges';
export { readOrderEdit, editChanges, type OrderEditSubject, type EditedOrderLines } from './editChanges';
export { planDeliveryStockChanges, cancellationRestocks, FIRST_SIGHT_WINDOW_MS, type DeliveryStockPlan } from './deliveryStockChanges';
export { fetchEditedOrderLines } from './fetchEditedLines';
export { claimStockChanges, type StockEventMemory } from './claimStockChanges';
export { pollStockChanges } from './pollStockChanges';
