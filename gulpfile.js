// Copies the SVG icons next to the compiled node and credential files, where n8n looks for them.
const { src, dest, task } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.svg', 'nodes/**/*.json', 'credentials/**/*.svg', 'icons/**/*.svg'], { base: '.' }).pipe(
		dest('dist'),
	),
);
