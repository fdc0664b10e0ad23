#!/usr/bin/env node
'use strict';
// `npm run bench`: the real node code in n8n's engine against the sandbox at Lusha's documented limits.
// `npm run bench -- soak`: the Lusha Trigger under sustained load in real n8n (bench/soak.ts).
process.env.N8N_LOG_LEVEL = 'silent';
require('./lib/register-ts');
require(process.argv.includes('soak') ? '../bench/soak.ts' : '../bench/run.ts');
