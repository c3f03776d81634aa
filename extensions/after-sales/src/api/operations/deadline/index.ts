// Flow operation after-sales-deadline (计算时限 / business deadline), API side.
import { defineOperationApi } from '@directus/extensions-sdk';
import { activeOperation } from '../../lib/single-copy';
import { packContextOf } from '../lib/flow-context';
import { runOperation } from '../lib/operation-error';
import { runDeadlineOperation } from './run-deadline-operation';

export default defineOperationApi({
	id: 'after-sales-deadline',
	handler: activeOperation('after-sales-deadline', (options, context) => runOperation(() => runDeadlineOperation(packContextOf(context), options, new Date()))),
});
