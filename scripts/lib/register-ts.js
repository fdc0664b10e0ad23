'use strict';
// Lets plain `node` load the package's TypeScript (benchmarks, end-to-end helpers) through swc, as jest does.
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
	const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
		filename,
		jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' },
		module: { type: 'commonjs' },
		sourceMaps: 'inline',
	});
	module._compile(code, filename);
};
