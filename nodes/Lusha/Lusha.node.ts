import { VersionedNodeType } from 'n8n-workflow';

import { lushaBaseDescription } from './common/baseDescription';
import { LushaV1 } from './v1/LushaV1.node';
import { LushaV2 } from './v2/LushaV2.node';

/**
 * Version 1 speaks Lusha's API v2 and stays for saved workflows; version 2, the default for new
 * nodes, speaks API V3.
 */
export class Lusha extends VersionedNodeType {
	constructor() {
		super({ 1: new LushaV1(), 2: new LushaV2() }, lushaBaseDescription);
	}
}
