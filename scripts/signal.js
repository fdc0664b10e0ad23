#!/usr/bin/env node
'use strict';
/**
 * `npm run signal -- --type promotion`: what the sandbox page's "Send signal" button does, from a
 * terminal. Sends a realistic signed delivery of that signal type to an active subscription (the
 * newest that watches it, or the one you name) and prints the HTTP answer.
 *
 *   --type <signalType>        e.g. promotion, companyChange, surgeInHiring (default: the subscription's first)
 *   --subscription <id>        one subscription (default: the newest active one that watches the type)
 *   --entity <id>              the newest active subscription for this Lusha person or company ID
 *   --sandbox <url>            the sandbox (default: $LUSHA_SANDBOX_URL or http://127.0.0.1:$LUSHA_SANDBOX_PORT, port 4010)
 *   --list                     list the subscriptions and the signal types each can be sent
 */
const { parseArgs } = require('node:util');

const USAGE = 'Usage: npm run signal -- [--type promotion] [--subscription <id> | --entity <id>] [--sandbox http://127.0.0.1:4010] [--list]';

async function main(argv = process.argv.slice(2), out = process.stdout) {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			options: { type: { type: 'string' }, subscription: { type: 'string' }, entity: { type: 'string' }, sandbox: { type: 'string' }, list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
		}));
	} catch (error) {
		out.write(`${error.message}\n${USAGE}\n`);
		return 2;
	}
	if (values.help) {
		out.write(`${USAGE}\n`);
		return 0;
	}
	const base = (values.sandbox ?? process.env.LUSHA_SANDBOX_URL ?? `http://127.0.0.1:${process.env.LUSHA_SANDBOX_PORT ?? 4010}`).replace(/\/+$/, '');
	const admin = async (method, action, body) => {
		const response = await fetch(`${base}/__admin/${action}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
		return { status: response.status, body: await response.json() };
	};

	try {
		if (values.list) {
			const { body } = await admin('GET', 'subscriptions');
			if (body.length === 0) out.write('No subscriptions. Click "Execute step" on a Lusha Trigger in n8n (or publish its workflow) first.\n');
			for (const s of body) out.write(`${s.id}  ${s.isActive ? 'active  ' : 'disabled'}  ${s.entityLabel}  →  ${s.url}\n    can send: ${s.sendableSignalTypes.join(', ')}\n`);
			return 0;
		}
		const { status, body } = await admin('POST', 'send-signal', { signalType: values.type, subscriptionId: values.subscription, entityId: values.entity });
		if (status !== 200) {
			out.write(`${body.message}\n`);
			return 1;
		}
		const { subscription, answer } = body;
		out.write(`Sent ${body.signalType} for ${body.signalType === 'optOut' ? `contact ${body.payload.contactId}` : `${subscription.entityType} ${subscription.entityId}`} (delivery ${body.deliveryId})\n  to ${subscription.url}\n`);
		out.write(`  answer: HTTP ${answer.statusCode} ${typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)} in ${answer.durationMs} ms\n`);
		if (!body.delivered) out.write(`  not acknowledged: the sandbox retried ${body.attempts.length - 1} times, as Lusha does, and disabled the subscription.\n`);
		return body.delivered ? 0 : 1;
	} catch (error) {
		if (error.cause?.code === 'ECONNREFUSED' || /fetch failed/.test(String(error.message))) {
			out.write(`No Lusha sandbox at ${base}. Start it with \`npm start\` (or \`npm run sandbox\`), or pass --sandbox <url>.\n`);
			return 1;
		}
		throw error;
	}
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error) => {
			process.stderr.write(`${error.stack ?? error}\n`);
			process.exit(1);
		},
	);
}

module.exports = { main };
