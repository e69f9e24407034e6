import { endedByOutsideSignal, retryOnceAfterOutsideSignal, runProcess } from './processRunner';

describe('runProcess: how a command ended', () => {
	it('a signal from outside is recorded and said in stderr', async () => {
		const result = await runProcess('sh', ['-c', 'echo started >&2; kill -SEGV $$']);
		expect(result).toMatchObject({ code: null, signal: 'SIGSEGV', timedOut: false });
		expect(result.stderr).toContain('[ended by SIGSEGV]');
		expect(endedByOutsideSignal(result)).toBe(true);
	});

	it('its own time limit is not an outside signal', async () => {
		const result = await runProcess('sleep', ['30'], { timeoutMs: 200 });
		expect(result).toMatchObject({ code: null, signal: 'SIGKILL', timedOut: true });
		expect(result.stderr).toContain('[killed after 200 ms]');
		expect(endedByOutsideSignal(result)).toBe(false);
	});

	it('a crashed run is run once more and the crash reported; a failing exit is not rerun', async () => {
		const reports: string[] = [];
		let runs = 0;
		const crashOnce = async () => await runProcess('sh', ['-c', ++runs === 1 ? 'kill -ABRT $$' : 'exit 0']);
		const result = await retryOnceAfterOutsideSignal(crashOnce, (line) => reports.push(line));
		expect({ runs, code: result.code }).toEqual({ runs: 2, code: 0 });
		expect(reports).toEqual([expect.stringContaining('ended by SIGABRT')]);

		const failing = await retryOnceAfterOutsideSignal(async () => await runProcess('sh', ['-c', 'exit 3']), (line) => reports.push(line));
		expect(failing.code).toBe(3);
		expect(reports).toHaveLength(1);
	});
});
