'use strict';
/** A TCP port that is free on loopback right now, for a throw-away server of a test. */
const net = require('node:net');

function freePort() {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

module.exports = { freePort };
