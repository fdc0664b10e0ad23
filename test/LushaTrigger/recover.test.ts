/**
 * Recover Missed Signals (issue #19): after Lusha disabled subscriptions of the trigger and the
 * trigger's check switched them back on, the signals those entities had in between come out once,
 * marked recovered, read from Lusha's signals API, and deduplicated against what was delivered.
 * The trigger runs as n8n runs it: trigger() with the static data loaded at activation, the webhook
 * path with the static data loaded per request.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startTriggerHost } from '../helpers/triggerHost';
import { useSandbox } from '../helpers/sandbox';
import { useShortMinuteWindows } from '../helpers/pacing';

const SECRET = 'whsec_recover_test_secret_0019';
const ctx = useSandbox({ secret: SECRET });
useShortMinuteWindows(ctx, 1000);

type Host = Awaited<ReturnType<typeof startTriggerHost>>;
type Trigger = Awaited<ReturnType<Host['startTrigger']>>;
let host: Host;
let trigger: Trigger | undefined;
afterEach(async () => {
	await trigger?.close();
	await host?.close();
	trigger = undefined;
});

const ENTITIES = ['1000000', '1000004', '1000008'];
const parameters = (options: INodeParameters): INodeParameters => ({ entityType: 'contact', entityIds: ENTITIES.join('\n'), signalTypes: ['promotion'], subscriptionName: 'Champions', options });

let workflows = 0;
async function start(options: INodeParameters) {
	ctx.sandbox.configure({ deliveryRetryDelaysMs: [5, 5, 5] });
	// Each test its own workflow: what one process remembers is per workflow and trigger.
	host = await startTriggerHost({ credential: ctx.credential, parameters: parameters(options), workflowId: `wf-recover-${++workflows}` });
	await host.activate();
	trigger = await host.startTrigger();
}

const subscriptionOf = (entityId: string) => ctx.sandbox.subscriptions().find((s: { entityId: string }) => s.entityId === entityId) as { id: string; isActive: boolean };
/** Lusha fires a signal at the entity's subscription; with n8n's routes down, its 4 attempts fail and the subscription is disabled. */
const fire = async (entityId: string) => await ctx.sandbox.deliver(subscriptionOf(entityId).id);
const signalReads = () => ctx.sandbox.count('POST /v3/contacts/signals');
const newRuns = (before: number) => host.runs.slice(before);

/** n8n down: every signal fired meanwhile fails; the first disables the subscription, the others are not even sent. */
async function outage(signals: string[]) {
	host.setRoutesLive(false);
	for (const entityId of signals) await fire(entityId);
	host.setRoutesLive(true);
	expect(ENTITIES.filter((id) => new Set(signals).has(id)).every((id) => !subscriptionOf(id).isActive)).toBe(true);
}

describe('Recover Missed Signals', () => {
	it('after a heal, outputs each missed signal once, marked recovered and shaped like a delivered one, leaves out what was delivered, and the next check or heal gives none of them again', async () => {
		await start({ recoverMissedSignals: true });
		// Delivered before the outage: the signals API lists it too, with the same entity, type and day.
		const delivered = await fire('1000000');
		expect(delivered.delivered).toBe(true);
		expect(host.runs).toHaveLength(1);

		await outage(['1000000', '1000004', '1000004', '1000008']);
		let before = host.runs.length;
		await trigger!.tick();
		const [run] = newRuns(before);
		expect(newRuns(before)).toHaveLength(1);
		const [notice, ...recovered] = run;
		expect(notice).toMatchObject({ isNotice: true, notice: 'subscriptionsReactivated', recoveredCount: 4, alreadyDelivered: 1, creditsCharged: 3 });
		expect(notice.message).toContain('Recovered 4 missed signals');
		expect(notice.warning).toBeUndefined();
		expect(recovered.map((item) => item.entityId).sort()).toEqual(['1000000', '1000004', '1000004', '1000008']);
		const today = new Date().toISOString().slice(0, 10);
		for (const item of recovered) {
			expect(item).toMatchObject({ recovered: true, signalType: 'promotion', entityType: 'contact', identifyBy: 'id', signalDate: today, deliveryId: null, isTest: false, subscriptionId: subscriptionOf(item.entityId as string).id });
			expect(item).toMatchObject({ newCompany: expect.any(String), raw: expect.objectContaining({ signalDate: today }) });
			expect((item.billing as IDataObject).creditsCharged).toBe(3);
		}
		// One read, from a day before Lusha disabled them, only the watched type.
		expect(signalReads()).toBe(1);
		const [read] = ctx.sandbox.requestsTo('POST /v3/contacts/signals');
		const dayBefore = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		expect(read.body).toMatchObject({ signalTypes: ['promotion'], startDate: dayBefore });
		expect([...(read.body as { ids: string[] }).ids].sort()).toEqual(ENTITIES);

		// The next check heals nothing and recovers nothing.
		before = host.runs.length;
		await trigger!.tick();
		expect(newRuns(before)).toEqual([]);
		expect(signalReads()).toBe(1);

		// A second outage: the next heal reads the same days again, but gives out only the new signal.
		await outage(['1000008']);
		before = host.runs.length;
		await trigger!.tick();
		const [second] = newRuns(before);
		expect(second[0]).toMatchObject({ notice: 'subscriptionsReactivated', entityIds: ['1000008'], recoveredCount: 1, alreadyDelivered: 1 });
		expect(second.slice(1)).toEqual([expect.objectContaining({ entityId: '1000008', recovered: true })]);
		// The check ran on the static data loaded at activation and assigned none of it.
		expect(trigger!.wroteStaticData()).toBe(false);
	});

	it('a signal delivered after the trigger started (known to the webhook path only) is still left out', async () => {
		await start({ recoverMissedSignals: true });
		await fire('1000004');
		// The webhook path remembered its content key, in the static data n8n saved after the request.
		expect(Object.keys(host.staticData().signalKeys as object)).toHaveLength(1);
		await outage(['1000004']);
		const before = host.runs.length;
		await trigger!.tick();
		const [[notice, ...recovered]] = newRuns(before);
		expect(notice).toMatchObject({ recoveredCount: 1, alreadyDelivered: 1 });
		expect(recovered).toHaveLength(1);
	});

	it('off (the default): the notice warns which entities missed signals over which period and what turning it on costs, and reads nothing', async () => {
		await start({});
		await outage(['1000000', '1000008']);
		const before = host.runs.length;
		await trigger!.tick();
		const [[notice, ...rest]] = newRuns(before);
		expect(rest).toEqual([]);
		expect(notice).toMatchObject({ isNotice: true });
		expect([...(notice.entityIds as string[])].sort()).toEqual(['1000000', '1000008']);
		const dayBefore = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		expect(notice.warning).toContain('Recover Missed Signals is off');
		expect(notice.warning).toContain('contact 1000000');
		expect(notice.warning).toContain(`from ${dayBefore} to ${notice.missedUntil as string}`);
		expect(notice.warning).toContain('1 credit per entity per signal type');
		expect(signalReads()).toBe(0);
		// Nothing was delivered with the option off, so the webhook path kept no signal keys.
		expect(host.staticData().signalKeys).toBeUndefined();
	});

	it('when Lusha refuses the read (402), the notice says which entities and which period could not be recovered, and how to fetch them', async () => {
		await start({ recoverMissedSignals: true });
		await outage(['1000000', '1000004']);
		ctx.sandbox.configure({ creditsBalance: 0 });
		const before = host.runs.length;
		await trigger!.tick();
		const [[notice, ...recovered]] = newRuns(before);
		expect(recovered).toEqual([]);
		expect(notice).toMatchObject({ recoveredCount: 0, creditsCharged: 0, recoveryFailed: { entityType: 'contact', entityIds: expect.arrayContaining(['1000000', '1000004']), until: notice.missedUntil } });
		expect(notice.warning).toMatch(/could not be recovered \(.*[Ii]nsufficient credits/);
		expect(notice.warning).toContain('Get Signals, Since');
		// The subscriptions are on again all the same.
		expect(['1000000', '1000004'].every((id) => subscriptionOf(id).isActive)).toBe(true);
	});
});
