// Flow operation after-sales-notify (售后通知 / notify), API side.
import { defineOperationApi } from '@directus/extensions-sdk';
import { activeOperation } from '../../lib/single-copy';
import { packContextOf } from '../lib/flow-context';
import { runOperation } from '../lib/operation-error';
import { runNotifyOperation } from './run-notify-operation';

export default defineOperationApi({
	id: 'after-sales-notify',
	handler: activeOperation('after-sales-notify', (options, context) => runOperation(() => runNotifyOperation(packContextOf(context), options))),
});
