import { callOrThrow, type PosJsonTransport } from '../inventory/posJsonTransport';

/**
 * What a shop owner needs to fill in the Lightspeed X settings, in one run of List Locations: each outlet
 * (Location ID) with its registers, and the store's users, payment types and taxes with their ids.
 */
const LISTS = { registers: '/api/2.0/registers', users: '/api/2.0/users', paymentTypes: '/api/2.0/payment_types', taxes: '/api/2.0/taxes' } as const;

type Row = Record<string, unknown>;

async function list(transport: PosJsonTransport, path: string): Promise<Row[]> {
	const body = (await callOrThrow(transport, { method: 'GET', path, safeToRepeat: true })) as { data?: unknown };
	return Array.isArray(body?.data) ? (body.data as Row[]) : [];
}

function pick(row: Row, fields: string[]): Row {
	return Object.fromEntries(fields.filter((field) => row[field] !== undefined).map((field) => [field, row[field]]));
}

export async function outletsWithSetup(transport: PosJsonTransport): Promise<Row[]> {
	const outlets = await list(transport, '/api/2.0/outlets');
	const registers = await list(transport, LISTS.registers);
	const users = (await list(transport, LISTS.users)).map((user) => pick(user, ['id', 'display_name', 'username']));
	const paymentTypes = (await list(transport, LISTS.paymentTypes)).map((type) => pick(type, ['id', 'name']));
	const taxes = (await list(transport, LISTS.taxes)).map((tax) => pick(tax, ['id', 'name', 'rate']));
	return outlets.map((outlet) => ({
		...pick(outlet, ['id', 'name', 'time_zone']),
		registers: registers.filter((register) => register.outlet_id === outlet.id).map((register) => pick(register, ['id', 'name'])),
		users,
		paymentTypes,
		taxes,
	}));
}

const registerOutlets = new Map<string, string | null>();

/** The outlet a register sells from (cached in this process): a sale's stock moves there. */
export async function registerOutlet(transport: PosJsonTransport, registerId: string): Promise<string | null> {
	if (!registerOutlets.has(registerId)) {
		for (const register of await list(transport, LISTS.registers)) {
			if (typeof register.id === 'string') registerOutlets.set(register.id, typeof register.outlet_id === 'string' ? register.outlet_id : null);
		}
	}
	return registerOutlets.get(registerId) ?? null;
}
