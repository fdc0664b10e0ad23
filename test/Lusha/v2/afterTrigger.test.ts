/**
 * A version-2 Lusha node dropped after a Lusha Trigger runs with its defaults: the ID fields read the
 * trigger's `personId` / `companyId` when the item has no `id`, and an empty ID names the fields the
 * item does have.
 */
import type { IDataObject } from 'n8n-workflow';

import { deliveryItem } from '../../../nodes/LushaTrigger/delivery';
import { COMPANY_IDS_DEFAULT, CONTACT_IDS_DEFAULT } from '../../../nodes/shared/helpers/idDefaults';
import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();

/** What the trigger emits for a sandbox delivery about this entity (Flatten Output on, as by default). */
const triggerItem = (entityType: 'contact' | 'company', entityId: string, signalType: string) =>
	deliveryItem(ctx.sandbox.samplePayload({ entityType, entityId, signalTypes: [signalType] }, { signalType }), true) as IDataObject;
const unrestrictedPerson = () => {
	const restricted = new Set((ctx.sandbox.v3.restrictedPeople() as Array<{ personId: number }>).map((p) => p.personId));
	return (ctx.sandbox.fixtures.people as Array<{ personId: number }>).find((p) => !restricted.has(p.personId)) as { personId: number };
};
const run = (resource: string, operation: string, items: IDataObject[], parameters: IDataObject = {}) =>
	runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource, operation, ...parameters }, items });

describe('a Lusha node after the Lusha Trigger, with its defaults', () => {
	it('keeps $json.id first, so saved workflows that relied on the old default read the same', () => {
		expect(CONTACT_IDS_DEFAULT).toBe('={{ $json.id ?? $json.personId ?? $json.contactId }}');
		expect(COMPANY_IDS_DEFAULT).toBe('={{ $json.id ?? $json.companyId }}');
	});

	it('Contact → Enrich reveals the person of a promotion signal', async () => {
		const person = unrestrictedPerson();
		const item = triggerItem('contact', String(person.personId), 'promotion');
		expect(item).toMatchObject({ entityId: String(person.personId), personId: expect.anything() });
		expect(item.id).toBeUndefined();
		const result = await run('contact', 'enrich', [item]);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ found: true, email: expect.stringContaining('@') });
	});

	it('Contact → Get Signals reads the person of a company-change signal', async () => {
		const person = unrestrictedPerson();
		const result = await run('contact', 'getSignals', [triggerItem('contact', String(person.personId), 'companyChange')], { signalTypes: ['allSignals'] });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ found: true, signalCount: expect.any(Number) });
	});

	it('Company → Enrich and Find Buying Group take the company of a funding signal', async () => {
		const company = (ctx.sandbox.fixtures.companies as Array<{ id: number }>)[0];
		const item = triggerItem('company', String(company.id), 'financialEventsNews');
		expect(item.companyId).toBeDefined();
		const enriched = await run('company', 'enrich', [item]);
		expect(enriched.error).toBeUndefined();
		expect(enriched.items[0].json).toMatchObject({ found: true });
		const group = await run('contact', 'findBuyingGroup', [item], { buyingGroupIdentifyBy: 'id', contactsLimit: 3, returnAll: false, limit: 3 });
		expect(group.error).toBeUndefined();
		expect(group.items.length).toBeGreaterThan(0);
	});

	it('Search results still go by their id', async () => {
		const found = await runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'contact', operation: 'prospect', size: 10, contactFilters: { jobTitles: 'Manager' } } });
		const result = await run('contact', 'enrich', found.items.slice(0, 3).map((i) => i.json));
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.requestsTo('POST /v3/contacts/enrich')[0].body.ids).toEqual(found.items.slice(0, 3).map((i) => i.json.id));
	});

	it('an empty ID names the fields the item has and the one to map', async () => {
		const result = await run('contact', 'enrich', [{ entityId: '1000000', signalType: 'promotion' }]);
		expect(result.error?.message).toBe('Lusha Contact IDs is empty: this item has `entityId`; use {{ $json.entityId }} (item 0)');
		const company = await run('company', 'enrich', [{ entityType: 'contact', entityId: '1000000', personId: 1000000 }], { ids: '={{ $json.companyId }}' });
		expect(company.error?.message).toBe('Lusha Company IDs is empty: this item has `entityId` and `personId`; map the one that holds a Lusha company ID (item 0)');
		const nothing = await run('contact', 'enrich', [{ name: 'Ada', title: 'CTO' }]);
		expect(nothing.error?.message).toBe('Lusha Contact IDs is empty: this item has no ID field (it has `name` and `title`); map the Lusha ID of a Search, Prospect or Lusha Trigger item (item 0)');
	});
});
