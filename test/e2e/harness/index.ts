export {
	buildAndPack,
	e2eRunDir,
	installCommunityNodes,
	packageSourceDir,
	packedTarball,
	prepareCommunityNodesFolder,
	removeE2eRunDir,
	E2E_CACHE,
	REPO_ROOT,
} from './communityPackage';
export { ensureChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
export { freePort } from './freePort';
export { runProcess } from './processRunner';
export { repeatableSequence, waitFor } from './waitFor';
export { expectExitedCleanly, N8nInstance, nodeOutput, parseExecuteOutput } from './n8nInstance';
export type { CredentialImport, ExecuteResult, N8nInstanceOptions, WorkflowImport } from './n8nInstance';
export { N8nRest } from './n8nRest';
export type { N8nOwner, PublicationStatus } from './n8nRest';
export { ensureN8nRuntime, requireN8nRuntime } from './runtime';
export { packagedTypes, PACKAGE_NAME } from './packageContents';
export type { PackagedType } from './packageContents';
