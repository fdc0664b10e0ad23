/**
 * In n8n's queue mode several webhook processes serve one workflow. Each loads the workflow's
 * static data when a request arrives and saves it whole afterwards, so two copies of a delivery
 * handled at the same instant by two processes both look new there. The claim settles it on the
 * Redis that queue mode already runs: SET NX is atomic, so exactly one copy claims a delivery.
 *
 * Connection settings are n8n's own (QUEUE_BULL_REDIS_*, https://docs.n8n.io/hosting/configuration/environment-variables/queue-mode/),
 * read through n8n's config service; the client is the ioredis that n8n ships. Outside queue mode,
 * or when Redis cannot answer in time, the claim abstains and the static-data memory decides alone.
 */
import type { Cluster, Redis, RedisOptions } from 'ioredis';
import { sleep } from 'n8n-workflow';

import { DEDUPE_WINDOW_MS } from './dedupe';

/** The part of n8n's GlobalConfig (@n8n/config) the claim reads; the same on n8n 1.x and 2.x. */
interface N8nConfig {
	executions: { mode: string };
	queue: { bull: { redis: { host: string; port: number; db: number; username: string; password: string; tls: boolean; clusterNodes: string } } };
	redis?: { prefix?: string };
}

/** How long a claim may wait for Redis before the static-data memory decides alone. */
const CLAIM_TIMEOUT_MS = 2000;

type Client = Redis | Cluster;
let connection: { client: Client; prefix: string } | null | undefined;

/** n8n's config as n8n itself parsed it, or undefined where n8n's packages are not around. */
function n8nConfig(): N8nConfig | undefined {
	try {
		// Resolved from n8n's own install, like every runtime module of this package.
		const { Container } = require('@n8n/di') as { Container: { get<T>(type: unknown): T } };
		const { GlobalConfig } = require('@n8n/config') as { GlobalConfig: unknown };
		return Container.get<N8nConfig>(GlobalConfig);
	} catch {
		return undefined;
	}
}

/** One Redis connection per process, opened on first use, only in queue mode. */
function redis(): { client: Client; prefix: string } | null {
	if (connection !== undefined) return connection;
	connection = null;
	const config = n8nConfig();
	if (config?.executions?.mode !== 'queue') return connection;
	try {
		const settings = config.queue.bull.redis;
		const IORedis = require('ioredis') as typeof import('ioredis').default;
		const options: RedisOptions = {
			host: settings.host,
			port: settings.port,
			db: settings.db,
			username: settings.username || undefined,
			password: settings.password || undefined,
			...(settings.tls ? { tls: {} } : {}),
			enableReadyCheck: false,
			maxRetriesPerRequest: 1,
			commandTimeout: CLAIM_TIMEOUT_MS,
			connectTimeout: CLAIM_TIMEOUT_MS,
			retryStrategy: () => 1000,
		};
		const nodes = settings.clusterNodes
			.split(',')
			.filter(Boolean)
			.map((hostPort) => ({ host: hostPort.split(':')[0], port: Number(hostPort.split(':')[1] ?? 6379) }));
		const client: Client = nodes.length ? new IORedis.Cluster(nodes, { redisOptions: options }) : new IORedis(options);
		// A Redis outage is reported by the claim's own calls, which then abstain.
		client.on('error', () => undefined);
		connection = { client, prefix: config.redis?.prefix || 'n8n' };
	} catch {
		connection = null;
	}
	return connection;
}

/** The claim's Redis key: one per trigger and delivery, in one cluster slot per trigger. */
function claimKey(prefix: string, triggerKey: string, deliveryKey: string): string {
	return `${prefix}:lusha-trigger:{${triggerKey}}:${deliveryKey}`;
}

/**
 * A claim lives this long until n8n has answered the copy that made it: longer than n8n's 60 s wait
 * for a database write, so a copy that is still being recorded is never mistaken for a lost one.
 */
const PENDING_MS = 2 * 60 * 1000;

/** The Redis connection and a claim's key, or null when there is no claim to be had. */
function claimTarget(triggerKey: string, key: string): { client: Client; key: string } | null {
	const redisConnection = redis();
	return redisConnection ? { client: redisConnection.client, key: claimKey(redisConnection.prefix, triggerKey, key) } : null;
}

/**
 * Claims any key once, for `ttlMs`: true when this process is the first anywhere, false when another
 * claimed it, undefined when there is no claim to be had (not queue mode, or Redis did not answer).
 */
export async function claimOnce(triggerKey: string, key: string, ttlMs: number, value = '1'): Promise<boolean | undefined> {
	const target = claimTarget(triggerKey, key);
	if (!target) return undefined;
	try {
		return (await target.client.set(target.key, value, 'PX', ttlMs, 'NX')) === 'OK';
	} catch {
		return undefined;
	}
}

/**
 * Claims a delivery: 'claimed' when this copy is the first anywhere, 'inFlight' when another copy
 * is still being recorded, 'recorded' when another copy already became a run, undefined when there
 * is no claim to be had.
 */
export async function claimDelivery(triggerKey: string, deliveryKey: string): Promise<'claimed' | 'inFlight' | 'recorded' | undefined> {
	const claimed = await claimOnce(triggerKey, deliveryKey, PENDING_MS, 'pending');
	const target = claimTarget(triggerKey, deliveryKey);
	if (claimed !== false || !target) return claimed ? 'claimed' : undefined;
	try {
		return (await target.client.get(target.key)) === 'pending' ? 'inFlight' : 'recorded';
	} catch {
		return undefined;
	}
}

/** Waits, until `deadline` (epoch ms), for another process to settle its claim on a delivery. */
export async function waitForClaim(triggerKey: string, deliveryKey: string, deadline: number): Promise<'recorded' | 'released' | 'pending'> {
	const target = claimTarget(triggerKey, deliveryKey);
	if (!target) return 'released';
	while (Date.now() < deadline) {
		await sleep(100);
		try {
			const value = await target.client.get(target.key);
			if (value === null) return 'released';
			if (value !== 'pending') return 'recorded';
		} catch {
			return 'pending';
		}
	}
	return 'pending';
}

/** Settles a claim once n8n has answered its copy: kept for the dedupe window when the run was recorded, given back otherwise. */
export async function settleClaim(triggerKey: string, deliveryKey: string, recorded: boolean): Promise<void> {
	const target = claimTarget(triggerKey, deliveryKey);
	if (!target) return;
	try {
		if (recorded) await target.client.set(target.key, 'recorded', 'PX', DEDUPE_WINDOW_MS);
		else await target.client.del(target.key);
	} catch {
		// Redis gone: a recorded claim then lapses after PENDING_MS and static data decides alone.
	}
}
