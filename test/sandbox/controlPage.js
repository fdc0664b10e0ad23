// @ts-check
'use strict';
/**
 * The sandbox's control page (GET / on the sandbox) and the admin actions behind it and behind
 * `npm run signal`: list the subscriptions, send a realistic signed delivery of a chosen signal type
 * to one of them and show the HTTP answer, and show the recent deliveries and API calls with the
 * credits Lusha would have charged. Nothing here shows the webhook secret or the API key.
 */

const MAX_LOG = 200;

function createControlPage(sandbox, webhooks) {
	const deliveries = /** @type {Array<object>} */ ([]);

	const subscriptionView = ({ _seq, _failures, ...subscription }) => subscription;
	/** The account's opt-out subscription: its entityId is the account's, not a contact's. */
	const isOptOut = (subscription) => Boolean(subscription?._optOut || subscription?.signalTypes?.includes('optOut'));
	const allSubscriptions = () => [...sandbox.state.subscriptions.values()].sort((a, b) => b._seq - a._seq).map(subscriptionView);

	/** The signal types a subscription can be sent: its own list, or the whole catalogue for "All Signals". */
	function signalTypesFor(subscription) {
		const own = subscription.signalTypes ?? ['allSignals'];
		if (!own.includes('allSignals')) return own;
		return (sandbox.fixtures.signalTypes[subscription.entityType] ?? []).filter((type) => type !== 'allSignals');
	}

	/** Keeps what a person debugging a delivery wants to see; drops headers (they carry the signature). */
	function recordDelivery(result, subscription, source) {
		const last = result.attempts[result.attempts.length - 1] ?? {};
		deliveries.push({
			at: new Date().toISOString(),
			source,
			deliveryId: result.payload?.id ?? null,
			// An opt-out payload has no envelope: its signal is the opt-out and its entity the contact who opted out.
			signalType: result.payload?.type ?? (isOptOut(subscription) ? 'optOut' : null),
			entityType: isOptOut(subscription) ? 'contact' : (subscription?.entityType ?? result.payload?.entityType ?? null),
			entityId: isOptOut(subscription) ? (result.payload?.contactId ?? null) : (subscription?.entityId ?? result.payload?.entityId ?? null),
			subscriptionId: subscription?.id ?? result.payload?.subscriptionId ?? null,
			url: subscription?.url ?? null,
			delivered: result.delivered,
			attempts: result.attempts.length,
			statusCode: last.statusCode ?? null,
			// Lusha charges per delivered signal; retries and failed deliveries are free.
			creditsCharged: result.delivered ? (result.payload?.billing?.creditsCharged ?? 0) : 0,
		});
		if (deliveries.length > MAX_LOG) deliveries.shift();
		return result;
	}

	/** Sends one delivery. Without a subscription ID, picks the newest active subscription that watches the type. */
	async function sendSignal({ subscriptionId, signalType, entityId } = {}) {
		const active = allSubscriptions().filter((s) => s.isActive);
		let subscription;
		if (subscriptionId) {
			subscription = allSubscriptions().find((s) => s.id === subscriptionId);
			if (!subscription) return { statusCode: 404, body: { message: `No subscription ${subscriptionId}` } };
			if (!subscription.isActive) return { statusCode: 409, body: { message: `Subscription ${subscriptionId} is disabled (${subscription.blockReason ?? 'inactive'}): Lusha sends it nothing. Activate the workflow again.` } };
		} else {
			const candidates = active.filter((s) => (!entityId || s.entityId === String(entityId)) && (!signalType || signalTypesFor(s).includes(signalType)));
			subscription = candidates[0];
			if (!subscription) {
				const what = [signalType && `watches ${signalType}`, entityId && `is for entity ${entityId}`].filter(Boolean).join(' and ');
				const hint = active.length
					? `Active subscriptions: ${active.map((s) => `${isOptOut(s) ? 'opt-outs' : `${s.entityType} ${s.entityId}`} (${signalTypesFor(s).join(', ')})`).join('; ')}.`
					: 'There is none: open a workflow with a Lusha Trigger and click "Execute step" on the trigger (or publish the workflow).';
				return { statusCode: 404, body: { message: `No active subscription${what ? ` that ${what}` : ''}. ${hint}` } };
			}
		}
		if (signalType && !signalTypesFor(subscription).includes(signalType)) {
			return { statusCode: 400, body: { message: `Subscription ${subscription.id} does not watch ${signalType}; it watches ${signalTypesFor(subscription).join(', ')}` } };
		}
		const result = recordDelivery(await webhooks.deliver(subscription.id, undefined, { signalType }), subscription, 'control page');
		const last = result.attempts[result.attempts.length - 1];
		return {
			statusCode: 200,
			body: {
				delivered: result.delivered,
				subscription: { id: subscription.id, entityType: subscription.entityType, entityId: subscription.entityId, url: subscription.url },
				signalType: result.payload.type ?? (isOptOut(subscription) ? 'optOut' : null),
				deliveryId: result.payload.id,
				payload: result.payload,
				answer: last ? { statusCode: last.statusCode, body: last.body, durationMs: last.durationMs } : { statusCode: null, body: 'not sent: the subscription is disabled', durationMs: 0 },
				attempts: result.attempts.map((a) => ({ statusCode: a.statusCode, durationMs: a.durationMs })),
			},
		};
	}

	function log() {
		const calls = sandbox.state.requests.slice(-MAX_LOG).map(({ key, method, path, statusCode, at, credits }) => ({ at: new Date(at).toISOString(), method, path, endpoint: key, statusCode: statusCode ?? null, creditsCharged: credits ?? 0 }));
		return {
			creditsUsed: sandbox.state.creditsUsed,
			deliveries: deliveries.slice().reverse(),
			apiCalls: calls.reverse(),
		};
	}

	/** Admin actions of the page; undefined for any other action. */
	async function admin(action, body) {
		switch (action) {
			case 'GET /subscriptions':
				return { statusCode: 200, body: allSubscriptions().map((s) => ({ ...s, sendableSignalTypes: signalTypesFor(s), entityLabel: isOptOut(s) ? 'opt-outs of any contact (account-wide)' : `${s.entityType} ${s.entityId}` })) };
			case 'POST /send-signal':
				return await sendSignal(body);
			case 'GET /log':
				return { statusCode: 200, body: log() };
			default:
				return undefined;
		}
	}

	return {
		admin,
		recordDelivery,
		reset: () => void deliveries.splice(0),
		html: () => PAGE,
	};
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Lusha sandbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
	body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #1f2330; max-width: 1200px; }
	h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; }
	.muted { color: #667085; } code { background: #f2f4f7; padding: 1px 4px; border-radius: 4px; }
	table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e4e7ec; vertical-align: top; }
	th { font-weight: 600; background: #f9fafb; } td.url { word-break: break-all; max-width: 340px; }
	button { font: inherit; padding: 4px 12px; border-radius: 6px; border: 1px solid #5b4fe9; background: #5b4fe9; color: #fff; cursor: pointer; }
	button:disabled { opacity: .5; cursor: default; } select { font: inherit; padding: 3px; }
	.answer { font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; word-break: break-all; }
	.ok { color: #067647; } .bad { color: #b42318; }
</style>
</head>
<body>
<h1>Lusha sandbox</h1>
<p class="muted">A local Lusha: no account, no real credits. Subscriptions appear here when a workflow with a Lusha Trigger listens
(<b>Execute step</b> on the trigger) or is published. <b>Send signal</b> sends a signed delivery, as Lusha would, and shows n8n's answer.</p>

<h2>Subscriptions</h2>
<table id="subscriptions" aria-label="Subscriptions">
	<thead><tr><th>Name</th><th>Entity</th><th>Signal types</th><th>Target URL</th><th>Status</th><th>Send</th><th>Answer</th></tr></thead>
	<tbody></tbody>
</table>
<p id="no-subscriptions" class="muted" hidden>No subscriptions yet. Open a workflow with a Lusha Trigger and click <b>Execute step</b> on the trigger, or publish the workflow.</p>

<h2>Recent deliveries</h2>
<table id="deliveries" aria-label="Recent deliveries">
	<thead><tr><th>Time</th><th>Signal</th><th>Entity</th><th>Target URL</th><th>HTTP answer</th><th>Attempts</th><th>Credits charged</th></tr></thead>
	<tbody></tbody>
</table>

<h2>Recent API calls <span class="muted" id="credits"></span></h2>
<table id="api-calls" aria-label="Recent API calls">
	<thead><tr><th>Time</th><th>Call</th><th>HTTP status</th><th>Credits charged</th></tr></thead>
	<tbody></tbody>
</table>

<script>
const admin = (action, init) => fetch('/__admin/' + action, init).then((r) => r.json());
const cell = (text, className) => { const td = document.createElement('td'); td.textContent = text ?? ''; if (className) td.className = className; return td; };
const time = (iso) => new Date(iso).toLocaleTimeString();
const answers = new Map();

function showAnswer(element, result) {
	element.textContent = '';
	const line = document.createElement('div');
	if (result.answer) {
		line.textContent = 'HTTP ' + result.answer.statusCode + (result.delivered ? ' — delivered' : ' — not acknowledged; Lusha retried ' + (result.attempts.length - 1) + ' times and disabled the subscription');
		line.className = result.delivered ? 'ok' : 'bad';
		const body = document.createElement('div');
		body.textContent = typeof result.answer.body === 'string' ? result.answer.body : JSON.stringify(result.answer.body);
		element.append(line, body);
	} else {
		line.textContent = result.message ?? JSON.stringify(result);
		line.className = 'bad';
		element.append(line);
	}
}

async function send(subscription, select, button, answer) {
	button.disabled = true;
	answer.textContent = 'Sending…';
	try {
		const result = await admin('send-signal', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subscriptionId: subscription.id, signalType: select.value }) });
		answers.set(subscription.id, result);
		showAnswer(answer, result);
	} catch (error) {
		answer.textContent = String(error);
	} finally {
		button.disabled = false;
		refreshLog();
	}
}

async function refreshSubscriptions() {
	const subscriptions = await admin('subscriptions');
	const body = document.querySelector('#subscriptions tbody');
	const known = new Set([...body.querySelectorAll('tr')].map((tr) => tr.dataset.key));
	const wanted = subscriptions.map((s) => s.id + ':' + s.isActive);
	if (known.size === wanted.length && wanted.every((key) => known.has(key))) return;
	body.textContent = '';
	document.getElementById('no-subscriptions').hidden = subscriptions.length > 0;
	for (const subscription of subscriptions) {
		const row = document.createElement('tr');
		row.dataset.key = subscription.id + ':' + subscription.isActive;
		row.dataset.subscriptionId = subscription.id;
		const select = document.createElement('select');
		select.setAttribute('aria-label', 'Signal type');
		for (const type of subscription.sendableSignalTypes) select.append(new Option(type, type));
		const button = document.createElement('button');
		button.textContent = 'Send signal';
		button.disabled = !subscription.isActive;
		const answer = cell('', 'answer');
		answer.setAttribute('role', 'status');
		if (answers.has(subscription.id)) showAnswer(answer, answers.get(subscription.id));
		button.addEventListener('click', () => send(subscription, select, button, answer));
		const sendCell = document.createElement('td');
		sendCell.append(select, ' ', button);
		row.append(
			cell(subscription.name),
			cell(subscription.entityLabel),
			cell(subscription.signalTypes.join(', ')),
			cell(subscription.url, 'url'),
			cell(subscription.isActive ? 'active' : 'disabled: ' + (subscription.blockReason ?? ''), subscription.isActive ? 'ok' : 'bad'),
			sendCell,
			answer,
		);
		body.append(row);
	}
}

async function refreshLog() {
	const log = await admin('log');
	document.getElementById('credits').textContent = '(' + log.creditsUsed + ' credits used in total)';
	const deliveries = document.querySelector('#deliveries tbody');
	deliveries.textContent = '';
	for (const d of log.deliveries.slice(0, 50)) {
		const row = document.createElement('tr');
		row.append(cell(time(d.at)), cell(d.signalType), cell(d.entityType + ' ' + d.entityId), cell(d.url, 'url'), cell(String(d.statusCode), d.delivered ? 'ok' : 'bad'), cell(String(d.attempts)), cell(String(d.creditsCharged)));
		deliveries.append(row);
	}
	const calls = document.querySelector('#api-calls tbody');
	calls.textContent = '';
	for (const c of log.apiCalls.slice(0, 50)) {
		const row = document.createElement('tr');
		row.append(cell(time(c.at)), cell(c.method + ' ' + c.path), cell(String(c.statusCode), c.statusCode >= 400 ? 'bad' : ''), cell(String(c.creditsCharged)));
		calls.append(row);
	}
}

async function refresh() {
	try { await Promise.all([refreshSubscriptions(), refreshLog()]); } catch { /* the sandbox is restarting */ }
}
refresh();
setInterval(refresh, 2000);
</script>
</body>
</html>
`;

module.exports = { createControlPage };
