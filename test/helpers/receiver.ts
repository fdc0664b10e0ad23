/** A stand-in for a customer's webhook endpoint: records what Lusha (the sandbox) sends it. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export type Answer = (request: Received) => { status: number; body?: unknown; contentType?: string };

/** Answers Lusha's challenge and acknowledges deliveries the documented way. */
export const wellBehaved: Answer = (request) => {
	const url = new URL(request.url, 'http://receiver');
	if (request.method === 'GET') return { status: 200, body: { challenge: url.searchParams.get('challenge') } };
	const payload = JSON.parse(request.body) as { id?: string };
	return { status: 201, body: { received: true, timestamp: new Date().toISOString(), webhookId: payload.id ?? null } };
};

export async function startReceiver(answer: Answer = wellBehaved) {
	const received: Received[] = [];
	let current = answer;
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
			received.push(request);
			const reply = current(request);
			res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json' });
			res.end(reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		answerWith(next: Answer) {
			current = next;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
