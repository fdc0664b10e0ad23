'use strict';
// Lets plain `node` load the package's TypeScript (the benchmark), transpiled by TypeScript itself as the tests are.
const fs = require('node:fs');
const ts = require('typescript');

// `.ts` must be tried before `.json`: `./Lusha.node` names both Lusha.node.ts and the codex Lusha.node.json.
const { '.json': json, '.node': native } = require.extensions;
delete require.extensions['.json'];
delete require.extensions['.node'];
require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
		fileName: filename,
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, inlineSourceMap: true },
	});
	module._compile(outputText, filename);
};
require.extensions['.json'] = json;
require.extensions['.node'] = native;
