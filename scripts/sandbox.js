#!/usr/bin/env node
'use strict';
require('../test/sandbox/cli');
