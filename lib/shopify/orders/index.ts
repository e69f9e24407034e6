/** The POS-ready order: its type and the two ways to build it (GraphQL Order, webhook payload). */
export type * from './posOrder';
export { toMinorUnits, posMoney } from './money';
export { currencyExponent } from './currencyExponent';
export { normalizeGraphqlOrder } from './normalizeGraphqlOrder';
export { normalizeWebhookOrder } from './normalizeWebhookOrder';
export type { RestOrder } from './webhookOrder';
export type { GqlOrder } from './orderSelection';
export type { StockChange, StockChangeCause } from './stockChanges';
