// Flow operation after-sales-deadline (计算时限 / business deadline), API side.
import { defineOperationApi } from '@directus/extensions-sdk';
import { packContextOf } from '../lib/flow-context';
import { runOperation } from '../lib/operation-error';
import { runDeadlineOperation } from './run-deadline-operation';

export default defineOperationApi({
	id: 'after-sales-deadline',
	handler: (options, context) => runOperation(() => runDeadlineOperation(packContextOf(context), options, new Date())),
});
