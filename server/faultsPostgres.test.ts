import 'fake-indexeddb/auto';
import { testBackends } from './testing';
import { describeFaultRun } from './testkit/faultRun';

describeFaultRun('postgres', { skip: !(await testBackends()).includes('postgres') });
