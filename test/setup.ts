// n8n's engine logs every node error to the console; the tests assert on those errors instead.
process.env.N8N_LOG_LEVEL = 'silent';
import { LoggerProxy } from 'n8n-workflow';

const quiet = () => {};
LoggerProxy.init({ error: quiet, warn: quiet, info: quiet, debug: quiet } as never);
