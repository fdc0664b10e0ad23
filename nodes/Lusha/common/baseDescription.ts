import type { INodeTypeBaseDescription } from 'n8n-workflow';

/**
 * What every version of the Lusha node shares. n8n resolves a version's icon path from the main
 * node file (nodes/Lusha/Lusha.node.ts), so the path is relative to that folder.
 */
export const lushaIcon = { light: 'file:../../icons/lusha.svg', dark: 'file:../../icons/lusha.dark.svg' } as const;

export const lushaSubtitle = '={{ $parameter["operation"] + ": " + $parameter["resource"] }}';

export const lushaBaseDescription: INodeTypeBaseDescription = {
	displayName: 'Lusha',
	name: 'lusha',
	icon: lushaIcon,
	group: ['transform'],
	subtitle: lushaSubtitle,
	description: 'Enrich, prospect, score and watch B2B contacts and companies with Lusha',
	defaultVersion: 2,
};
