#!/usr/bin/env node
'use strict';
// `npm run sandbox`: a local Lusha to point the credential at, with no account and no credits spent.
const { startSandbox } = require('./server');

const port = Number(process.env.LUSHA_SANDBOX_PORT ?? 4010);
const config = process.env.LUSHA_SANDBOX_CONFIG ? JSON.parse(process.env.LUSHA_SANDBOX_CONFIG) : undefined;
const secret = process.env.LUSHA_SANDBOX_SECRET || undefined;
startSandbox({ port, host: process.env.LUSHA_SANDBOX_HOST ?? '127.0.0.1', apiKey: process.env.LUSHA_SANDBOX_API_KEY, config, secret }).then((sandbox) => {
	process.stdout.write(
		[
			'Lusha sandbox is running.',
			`  Base URL: ${sandbox.url}`,
			`  API key:  ${sandbox.apiKey}`,
			`  Webhook secret: ${sandbox.secret}`,
			'  Put both in an n8n "Lusha API" credential. Admin: GET/POST /__admin/{counts,state,config,reset,deliver}',
			'',
		].join('\n'),
	);
	const stop = () => sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
});
