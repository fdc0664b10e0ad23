/** Shapes the tests share: a sandbox fixture person and a node of an n8n workflow JSON. */

/** A person of the sandbox's fixtures (`ctx.sandbox.fixtures.people`). */
export interface Person {
	personId: number;
	firstName: string;
	lastName: string;
	companyId: number;
	emailAddresses: Array<{ email: string; emailType: string }>;
	socialLinks: { linkedin: string };
}

/** A node as it stands in a workflow's JSON (an example file, or what n8n's API returns). */
export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: number[];
	parameters: Record<string, any>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	[key: string]: unknown;
}
