import { PosSimulatorClient } from './client';
import { PosSimulator, type PosSimulatorOptions } from './posSimulator';

export { PosSimulator, type PosSimulatorOptions, type LoggedRequest } from './posSimulator';
export { PosSimulatorClient, type PosSimulatorState } from './client';
export type { PosSimulatorConfig, SimulatedAuth, SimulatedIdempotency } from './config';
export type { OutageSpec, PosFaultSpec, PosFaultKind } from './faults';

export interface RunningPosSimulator {
	url: string;
	simulator: PosSimulator;
	control: PosSimulatorClient;
	close(): Promise<void>;
}

/** Starts a POS simulator on 127.0.0.1 (port 0 = any free port). */
export async function startPosSimulator(options: PosSimulatorOptions = {}): Promise<RunningPosSimulator> {
	const simulator = new PosSimulator(options);
	const url = await simulator.start();
	return { url, simulator, control: new PosSimulatorClient(url), close: () => simulator.stop() };
}
