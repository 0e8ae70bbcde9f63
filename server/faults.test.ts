import 'fake-indexeddb/auto';
import { describeFaultRun } from './testkit/faultRun';

describeFaultRun('pglite');
