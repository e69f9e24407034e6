import { KeyedLocks } from '../../../../../lib/pos/inventory/keyedLocks';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('keyed locks in one process', () => {
	it('runs work on overlapping keys one after another, on other keys at once, and leaves nothing behind', async () => {
		const locks = new KeyedLocks();
		const log: string[] = [];
		let releaseFirst!: () => void;
		const first = locks.withKeys(['b', 'a'], async () => {
			log.push('first starts');
			await new Promise<void>((resolve) => (releaseFirst = resolve));
			log.push('first ends');
		});
		await tick();
		const overlapping = locks.withKeys(['a', 'c'], async () => void log.push('overlapping runs'));
		const apart = locks.withKeys(['d'], async () => void log.push('apart runs'));
		await apart;
		await tick();
		expect(log).toEqual(['first starts', 'apart runs']);
		releaseFirst();
		await Promise.all([first, overlapping]);
		expect(log).toEqual(['first starts', 'apart runs', 'first ends', 'overlapping runs']);
		expect(locks.size).toBe(0);
	});

	it('two holders of the same keys named in other orders never wait on each other in a circle', async () => {
		const locks = new KeyedLocks();
		const runs = Array.from({ length: 20 }, (_, index) => locks.withKeys(index % 2 === 0 ? ['x', 'y'] : ['y', 'x'], async () => index));
		expect(await Promise.all(runs)).toHaveLength(20);
		expect(locks.size).toBe(0);
	});

	it('a failing holder releases its keys', async () => {
		const locks = new KeyedLocks();
		await expect(locks.withKeys(['k'], async () => Promise.reject(new Error('POS down')))).rejects.toThrow('POS down');
		expect(await locks.withKeys(['k'], async () => 'next')).toBe('next');
	});
});
