#!/usr/bin/env node
'use strict';
// `npm run bench`: the real node code in n8n's engine against the sandbox at Lusha's documented limits.
process.env.N8N_LOG_LEVEL = 'silent';
require('./lib/register-ts');
require('../bench/run.ts');
