/** The cheapest authenticated read: used by the credential test. Needs no scope. */
export const SHOP_NAME = /* GraphQL */ `
	query ShopName {
		shop {
			name
			myshopifyDomain
		}
	}
`;
