import { nodeOutput, parseExecuteOutput } from './n8nInstance';

// `n8n execute --rawOutput` mixes its run JSON with log lines (the task runner registers after the run is
// printed); the harness must find the run wherever it sits, and say clearly when a node did not run.
const run = {
	data: {
		resultData: {
			runData: { 'POS HTTP Request': [{ data: { main: [[{ json: { outcome: 'success' } }], []] } }] },
			lastNodeExecuted: 'POS HTTP Request',
		},
	},
	status: 'success',
};

describe('parseExecuteOutput', () => {
	it('finds the run between log lines, even when a log line follows it', () => {
		const stdout = ['Initializing n8n process', '{ "not": "the run" }', JSON.stringify(run, null, 2), 'Registered runner "JS Task Runner"'].join('\n');
		const result = parseExecuteOutput({ code: 0, signal: null, timedOut: false, stdout, stderr: '' });
		expect(result.data?.status).toBe('success');
		expect(nodeOutput(result, 'POS HTTP Request')).toEqual([{ outcome: 'success' }]);
	});

	it('reports no run when n8n printed none, and names the node that did not run', () => {
		const result = parseExecuteOutput({ code: 1, signal: null, timedOut: false, stdout: 'Error executing workflow.\n', stderr: 'boom' });
		expect(result.data).toBeUndefined();
		expect(() => nodeOutput(result, 'Shopify Get Orders')).toThrow(/Node "Shopify Get Orders" did not run[\s\S]*boom/);
	});
});
