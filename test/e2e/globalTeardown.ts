import { removeE2eRunDir } from './harness';

/** Removes this run's packed package and prepared community-nodes folder. */
export default function globalTeardown(): void {
	removeE2eRunDir();
}
