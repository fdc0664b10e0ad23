/**
 * The Lusha Trigger in production (issue #12): one subscription per entity per account, no orphan
 * subscriptions whatever fails, the real cause shown when n8n retries, opt-out events, and
 * watching people by email or LinkedIn URL and companies by domain.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/n8n';
import { N8N_RETRY_DELAYS_MS, startTriggerHost } from '../helpers/triggerHost';
import { startReceiver } from '../helpers/receiver';
import { useSandbox } from '../helpers/sandbox';
import { useShortMinuteWindows } from '../helpers/pacing';

const SECRET = 'whsec_production_test_secret_0005';
const ctx = useSandbox({ secret: SECRET });
useShortMinuteWindows(ctx, 1000);

const personIds = (n: number, from = 0) => Array.from({ length: n }, (_, i) => String(1000000 + from + i));
const signals = (ids: string[], extra: INodeParameters = {}): INodeParameters => ({
	entityType: 'contact',
	entityIds: ids.join('\n'),
	signalTypes: ['promotion'],
	subscriptionName: 'Champions',
	options: {},
	...extra,
});

type Host = Awaited<ReturnType<typeof startTriggerHost>>;
const hosts: Host[] = [];
afterEach(async () => {
	await Promise.all(hosts.splice(0).map((h) => h.close()));
});
let workflows = 0;
/** A workflow with its own Lusha Trigger (its own webhook URL). */
async function workflow(parameters: INodeParameters) {
	const host = await startTriggerHost({ credential: ctx.credential, parameters, webhookId: `5c6f1e0a-7a51-4c1e-9a7b-${String(++workflows).padStart(12, '0')}` });
	hosts.push(host);
	return host;
}
type Sub = { id: string; url: string; entityId: string; name: string; signalTypes: string[] };
const subscriptions = (): Sub[] => ctx.sandbox.subscriptions();
const at = (host: Host) => subscriptions().filter((s) => s.url === host.webhookUrl);
const creates = () => ctx.sandbox.count('POST /api/subscriptions');

describe('one subscription per entity per account', () => {
	it('Lusha refuses a second subscription for the same contact, even at another URL', async () => {
		const endpoint = await startReceiver();
		const create = (url: string) =>
			runNode({ credential: ctx.credential, parameters: { resource: 'subscription', operation: 'create', entityType: 'contact', entityIds: '1000000', signalTypes: ['promotion'], url, name: 'By hand' } });
		expect((await create(`${endpoint.url}/first`)).items[0].json.success).toBe(true);
		const second = await create(`${endpoint.url}/second`);
		expect(second.items[0].json).toMatchObject({ success: false, errorCode: 'DUPLICATE_SUBSCRIPTION', errorMessage: "Subscription already exists for entity type 'contact' with entity ID '1000000'" });
		await endpoint.close();
	});

	it('fails activation before creating anything when another workflow watches some of the entities, naming them, their URL and name', async () => {
		const other = await workflow(signals(personIds(3), { subscriptionName: 'Renewals team' }));
		await other.activate();
		const before = creates();
		const ours = await workflow(signals(personIds(5, 1)));
		await expect(ours.activate()).rejects.toMatchObject({
			message: expect.stringMatching(/^2 of the 5 entities are already watched: contact 100000[12] by "Renewals team" at .*; contact 100000[12] by "Renewals team" at /),
			description: expect.stringContaining('Take Over or Skip Them'),
		});
		expect((await ours.activate().catch((e: Error) => e.message)) as string).toContain(other.webhookUrl);
		expect(creates()).toBe(before);
		expect(at(ours)).toHaveLength(0);
		expect(at(other)).toHaveLength(3);
	});

	it('Take Over moves those subscriptions to this workflow, and watches the rest as usual', async () => {
		const other = await workflow(signals(personIds(3)));
		await other.activate();
		const ours = await workflow(signals(personIds(5, 1), { onConflict: 'takeOver' }));
		expect(await ours.activate()).toBe(true);
		expect(at(ours).map((s) => s.entityId).sort()).toEqual(personIds(5, 1));
		expect(at(other).map((s) => s.entityId)).toEqual(['1000000']);
		expect(ours.staticData().subscriptionIds).toHaveLength(5);
	});

	it('Skip Them watches only the entities nobody else watches', async () => {
		const other = await workflow(signals(personIds(3)));
		await other.activate();
		const ours = await workflow(signals(personIds(5, 1), { onConflict: 'skip' }));
		await ours.activate();
		expect(at(ours).map((s) => s.entityId).sort()).toEqual(personIds(3, 3));
		expect(at(other)).toHaveLength(3);
	});
});

describe('no orphan subscriptions, whatever fails', () => {
	it('a later call refused with 403 “Maximum subscriptions limit reached” leaves nothing, names Lusha’s reason, and a later activation starts clean', async () => {
		ctx.sandbox.configure({ maxSubscriptions: 30 });
		const trigger = await workflow(signals(personIds(60)));
		await expect(trigger.activate()).rejects.toMatchObject({
			message: 'Lusha did not create the subscriptions: Lusha answered 403: Maximum subscriptions limit reached for your account',
			description: expect.stringContaining('Nothing was left subscribed: the 25 subscriptions this activation had created were deleted again.'),
		});
		expect(subscriptions()).toHaveLength(0);
		expect(trigger.staticData().subscriptionIds).toEqual([]);
		ctx.sandbox.configure({ maxSubscriptions: 100 });
		expect(await trigger.activate()).toBe(true);
		expect(at(trigger)).toHaveLength(60);
	});

	it('a later call answered 400 leaves nothing behind', async () => {
		ctx.sandbox.configure({ faults: { routeFaults: [{ route: 'POST /api/subscriptions', pass: 1, times: 1, status: 400, message: 'Validation failed' }] } });
		const trigger = await workflow(signals(personIds(60)));
		await expect(trigger.activate()).rejects.toThrow('Lusha did not create the subscriptions: Lusha answered 400: Validation failed');
		expect(subscriptions()).toHaveLength(0);
	});

	it('a call whose answer was lost after Lusha created the subscriptions is resent, and its duplicates are adopted, not created twice', async () => {
		ctx.sandbox.configure({ faults: { routeFaults: [{ route: 'POST /api/subscriptions', pass: 1, times: 1, afterWork: true, status: 504 }] } });
		const trigger = await workflow(signals(personIds(60)));
		expect(await trigger.activate()).toBe(true);
		expect(creates()).toBe(4);
		expect(at(trigger)).toHaveLength(60);
		expect(new Set(trigger.staticData().subscriptionIds)).toEqual(new Set(at(trigger).map((s) => s.id)));
		await trigger.deactivate();
		expect(subscriptions()).toHaveLength(0);
	});

	it('subscriptions whose IDs never arrived are found by URL and deleted when the activation then fails', async () => {
		ctx.sandbox.configure({
			faults: {
				routeFaults: [
					{ route: 'POST /api/subscriptions', pass: 1, times: 1, afterWork: true, status: 0 },
					{ route: 'POST /api/subscriptions', pass: 2, times: 1, status: 403, message: 'Maximum subscriptions limit reached for your account' },
				],
			},
		});
		const trigger = await workflow(signals(personIds(60)));
		await expect(trigger.activate()).rejects.toMatchObject({
			message: expect.stringContaining('Maximum subscriptions limit reached'),
			description: expect.stringContaining('the 50 subscriptions this activation had created were deleted again'),
		});
		expect(subscriptions()).toHaveLength(0);
		expect(trigger.staticData().subscriptionIds).toEqual([]);
	});

	it('when n8n retries a refused activation, the builder still sees Lusha’s reason, and Lusha is not asked again', async () => {
		ctx.sandbox.configure({ maxSubscriptions: 30 });
		const trigger = await workflow(signals(personIds(60)));
		await expect(trigger.activate(N8N_RETRY_DELAYS_MS.map((ms) => ms / 100))).rejects.toThrow('Maximum subscriptions limit reached for your account');
		expect(creates()).toBe(2);
		expect(subscriptions()).toHaveLength(0);
	});

	it('Lusha answering 500 on every try ends inside n8n’s deadline, with Lusha’s 500 and nothing left', async () => {
		ctx.sandbox.configure({ faults: { routeFaults: [{ route: 'POST /api/subscriptions', pass: 1, status: 500, message: 'Internal server error' }] } });
		const trigger = await workflow(signals(personIds(60)));
		const started = Date.now();
		await expect(trigger.activate(N8N_RETRY_DELAYS_MS.map((ms) => ms / 100))).rejects.toThrow(/^Lusha did not create the subscriptions: Lusha answered 500( \(after \d+ attempts\))?: Internal server error/);
		// n8n 2.41 gives up on an activation after about 84 s, 15 of which its own retries wait (real n8n: test/e2e/trigger.e2e.ts).
		expect(Date.now() - started).toBeLessThan(65_000);
		expect(subscriptions()).toHaveLength(0);
	}, 90_000);
});

describe('Contact Opted Out', () => {
	const optOut = (extra: INodeParameters = {}): INodeParameters => ({ event: 'optOut', subscriptionName: 'GDPR erase', options: {}, ...extra });

	it('registers POST /api/subscriptions/opt-out, outputs the person with ISO dates, and unregisters on deactivation', async () => {
		const trigger = await workflow(optOut());
		await trigger.activate();
		expect(ctx.sandbox.count('POST /api/subscriptions/opt-out')).toBe(1);
		const [subscription] = at(trigger);
		expect(subscription).toMatchObject({ entityType: 'contact', signalTypes: ['optOut'], name: 'GDPR erase' });
		const delivery = await ctx.sandbox.deliver(subscription.id);
		expect(delivery.attempts[0].statusCode).toBe(201);
		const [item] = trigger.runs[0];
		expect(item).toMatchObject({ contactId: delivery.payload.contactId, fullName: delivery.payload.fullName, datapoints: delivery.payload.datapoints });
		expect(item.contactOptOutDate).toBe(new Date(`${delivery.payload.contactOptOutDate.replace(' ', 'T')}Z`).toISOString());
		expect(item.contactExposureDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
		await trigger.deactivate();
		expect(subscriptions()).toHaveLength(0);
	});

	it('a second workflow asking for opt-out events fails by default, naming the first; Take Over moves them', async () => {
		const first = await workflow(optOut({ subscriptionName: 'CRM erase' }));
		await first.activate();
		const second = await workflow(optOut());
		await expect(second.activate()).rejects.toThrow(/^The account’s opt-out events already go to another subscription: contact \d+ by "CRM erase" at /);
		second.setParameters(optOut({ onConflict: 'takeOver' }));
		await second.activate();
		expect(at(second)).toHaveLength(1);
		expect(at(first)).toHaveLength(0);
	});
});

describe('watching people by email or LinkedIn URL, companies by domain', () => {
	const people = () => ctx.sandbox.fixtures.people as Array<{ personId: number; emailAddresses: Array<{ email: string; emailType: string }>; socialLinks: { linkedin: string } }>;
	const workEmail = (p: ReturnType<typeof people>[number]) => p.emailAddresses.find((e) => e.emailType === 'work')?.email as string;

	it('finds 150 people by email with 2 searches, subscribes their Lusha IDs, and outputs both on every signal', async () => {
		// Lusha's compliance-restricted people (every 50th from 47 on, in the sandbox) cannot be watched.
		const chosen = people().filter((p) => (p.personId - 1000000) % 50 !== 47).slice(0, 150);
		const trigger = await workflow(signals([], { identifyBy: 'email', emails: chosen.map(workEmail).join('\n') }));
		await trigger.activate();
		expect(ctx.sandbox.count('POST /v3/contacts/search')).toBe(2);
		const ids = chosen.map((p) => ctx.sandbox.v3.contactId(p));
		expect(at(trigger).map((s) => s.entityId).sort()).toEqual([...ids].sort());
		const subscription = at(trigger).find((s) => s.entityId === ids[7]) as Sub;
		await ctx.sandbox.deliver(subscription.id);
		expect(trigger.runs[0][0]).toMatchObject({ entityId: ids[7], identifyBy: 'email', identity: workEmail(chosen[7]) });
	});

	it('fails on identities Lusha does not find, naming them, and subscribes nothing; Skip It watches the others', async () => {
		const emails = [workEmail(people()[0]), 'nobody@nowhere.example', workEmail(people()[1])];
		const trigger = await workflow(signals([], { identifyBy: 'email', emails: emails.join(',') }));
		await expect(trigger.activate()).rejects.toThrow(/^Lusha found no contact for 1 of the 3 given: nobody@nowhere\.example \(/);
		expect(subscriptions()).toHaveLength(0);
		trigger.setParameters(signals([], { identifyBy: 'email', emails: emails.join(','), onUnmatched: 'skip' }));
		await trigger.activate();
		expect(at(trigger)).toHaveLength(2);
	});

	it('watches people by LinkedIn URL', async () => {
		const trigger = await workflow(signals([], { identifyBy: 'linkedinUrl', linkedinUrls: people().slice(3, 6).map((p) => `${p.socialLinks.linkedin}/`).join('\n') }));
		await trigger.activate();
		expect(at(trigger).map((s) => s.entityId).sort()).toEqual(people().slice(3, 6).map((p) => ctx.sandbox.v3.contactId(p)).sort());
	});

	it('watches companies by domain', async () => {
		const companies = (ctx.sandbox.fixtures.companies as Array<{ id: number; domain: string }>).slice(0, 4);
		const trigger = await workflow({ entityType: 'company', identifyBy: 'domain', domains: companies.map((c) => `https://www.${c.domain}`).join(', '), signalTypes: ['allSignals'], options: {} });
		await trigger.activate();
		expect(ctx.sandbox.count('POST /v3/companies/search')).toBe(1);
		expect(at(trigger).map((s) => s.entityId).sort()).toEqual(companies.map((c) => ctx.sandbox.v3.companyId(c)).sort());
	});
});
