#!/usr/bin/env node
'use strict';
/**
 * `npm run scan`: packs the package (run `npm run build` first) and checks the tarball the way it
 * will be published.
 *
 * 1. Contents: no tests, source maps, TypeScript sources, .cache, node_modules, tarballs or dotfiles;
 *    no absolute path of this machine inside any file; every file listed under "n8n" is present;
 *    package.json has no runtime dependencies, the community keyword, a licence and a GitHub repository.
 * 2. n8n's verification scanner (@n8n/scan-community-package): its `analyzePackage(dir)` lints the
 *    unpacked tarball with the rules n8n's verification uses. It runs on a local folder only: no
 *    network. (The package's CLI, `analyzePackageByName`, downloads a published version from the
 *    npm registry, checks its npm provenance and fetches the attested source from GitHub: that is
 *    what n8n runs after a release.)
 * 3. That after-release check also lints the source (nodes/, credentials/, package.json) with
 *    eslint-plugin-n8n-nodes-base. This script runs that leg on the working tree too, as a note that
 *    does not fail the scan; `npm run scan -- --source` makes it fail the scan as well.
 *
 * Exit code: 0 passed, 1 violations, 2 the scan itself failed.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const strictSource = process.argv.includes('--source');
const SCANNER = '@n8n/scan-community-package';

/** Files that must never ship: [pattern on the path inside the package, reason]. */
const FORBIDDEN = [
	[/(^|\/)(test|tests|__tests__|e2e)\//, 'test folder'],
	[/\.(test|spec)\.[cm]?[jt]sx?$/, 'test file'],
	[/\.map$/, 'source map'],
	[/(?<!\.d)\.[cm]?ts$/, 'TypeScript source'],
	[/(^|\/)\.cache(\/|$)/, '.cache'],
	[/(^|\/)node_modules\//, 'node_modules'],
	[/\.tgz$/, 'tarball'],
	[/(^|\/)\.[^/]+$/, 'dotfile'],
];

function npmPack(destination) {
	// Scripts off: the build is done already (and this repository's .npmrc sets ignore-scripts anyway).
	const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [info] = JSON.parse(out);
	return { tarball: path.join(destination, info.filename), info };
}

function listFiles(dir, base = dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
	});
}

/** This checkout's absolute path (as given and resolved): a build that embeds it leaks the machine's layout. */
function machinePaths() {
	return [...new Set([root, fs.realpathSync(root)])];
}

function checkContents(packageDir, files) {
	const problems = [];
	for (const file of files) {
		for (const [pattern, reason] of FORBIDDEN) if (pattern.test(file)) problems.push(`${file}: ${reason}`);
	}
	const paths = machinePaths();
	for (const file of files) {
		const text = fs.readFileSync(path.join(packageDir, file), 'utf8');
		if (/\/\/# sourceMappingURL=/.test(text)) problems.push(`${file}: sourceMappingURL comment`);
		for (const p of paths) if (text.includes(p)) problems.push(`${file}: contains a path of this machine (${p})`);
	}
	const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const listed = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	if (listed.length === 0) problems.push('package.json: no "n8n" nodes or credentials');
	if (Object.keys(manifest.dependencies ?? {}).length) problems.push('package.json: runtime "dependencies" (verified community nodes may have none)');
	if (!manifest.keywords?.includes('n8n-community-node-package')) problems.push('package.json: keyword n8n-community-node-package missing');
	if (!manifest.license) problems.push('package.json: no license');
	if (!/^(git\+)?https:\/\/github\.com\//.test(manifest.repository?.url ?? '')) problems.push('package.json: repository.url is not a GitHub URL (npm provenance checks it)');
	for (const file of listed) if (!files.includes(file)) problems.push(`package.json: n8n lists ${file}, which is not in the tarball`);
	return problems;
}

/** The scanner's ESLint report names files by absolute path; show them relative to `dir` (prefixed). */
function relativeReport(details, dir, prefix) {
	return details.split(dir + path.sep).join(prefix).trim();
}

/** "✖ 32 problems (30 errors, 2 warnings)" out of ESLint's stylish report. */
function summaryLine(details) {
	return (details.match(/✖ \d+ problems? \([^)]*\)/) ?? ['violations found'])[0].replace('✖ ', '');
}

async function loadScanner(tempDir) {
	const version = require(`${SCANNER}/package.json`).version;
	// The scanner makes a temp folder when it is loaded; have it made inside ours so it goes with it.
	const previous = process.env.TMPDIR;
	process.env.TMPDIR = tempDir;
	try {
		const scanner = await import(`${SCANNER}/scanner/scanner.mjs`);
		return { scanner, version };
	} finally {
		if (previous === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = previous;
	}
}

async function main() {
	if (!fs.existsSync(path.join(root, 'dist'))) throw new Error('no dist/: run `npm run build` first');
	const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lusha-scan-'));
	const cleanUp = () => fs.rmSync(tempDir, { recursive: true, force: true });
	process.on('exit', cleanUp); // also when the scan crashes
	let failed = false;
	try {
		const { scanner, version } = await loadScanner(tempDir);
		const { tarball, info } = npmPack(tempDir);
		execFileSync('tar', ['-xzf', tarball, '-C', tempDir]);
		const packageDir = path.join(tempDir, 'package');
		const files = listFiles(packageDir).sort();

		console.log(`Packed ${info.name}@${info.version}: ${files.length} files, ${(info.size / 1024).toFixed(1)} kB`);
		const groups = new Map(); // top-level files, and files by their first two folders (dist/nodes/, ...)
		for (const file of files) {
			const key = file.includes('/') ? `${file.split('/').slice(0, 2).join('/')}/` : file;
			groups.set(key, (groups.get(key) ?? 0) + 1);
		}
		for (const [key, count] of groups) console.log(`  ${key}${key.endsWith('/') ? ` (${count} file${count === 1 ? '' : 's'})` : ''}`);

		const problems = checkContents(packageDir, files);
		if (problems.length) {
			failed = true;
			console.log(`\nFAIL tarball contents: ${problems.length} problem(s)`);
			for (const p of problems) console.log(`  ${p}`);
		} else {
			console.log('\nPASS tarball contents: no tests, source maps, sources, .cache or machine paths; package.json fit for n8n');
		}

		const result = await scanner.analyzePackage(packageDir);
		if (result.passed) {
			console.log(`PASS ${SCANNER}@${version} analyzePackage on the packed tarball`);
		} else {
			failed = true;
			console.log(`\nFAIL ${SCANNER}@${version} analyzePackage on the packed tarball: ${result.message}`);
			if (result.details) console.log(relativeReport(result.details, packageDir, 'package/'));
		}

		const source = await scanner.analyzePackage(root, scanner.SOURCE_FILE_PATTERNS);
		if (source.passed) {
			console.log(`PASS ${SCANNER}@${version} source lint (nodes/, credentials/, package.json)`);
		} else if (strictSource || !source.details) {
			failed = true;
			console.log(`\nFAIL ${SCANNER}@${version} source lint (nodes/, credentials/, package.json): ${source.message}`);
			if (source.details) console.log(relativeReport(source.details, root, ''));
		} else {
			console.log(
				`NOTE ${SCANNER}@${version} source lint (nodes/, credentials/, package.json): ${summaryLine(source.details)}.\n` +
					'     n8n lints the source after a release too; not gating here. Details: npm run scan -- --source',
			);
		}
	} finally {
		cleanUp();
	}
	console.log(failed ? '\nScan FAILED' : '\nScan passed');
	return failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(`Scan could not run: ${error.stack ?? error}`);
		process.exit(2);
	},
);
