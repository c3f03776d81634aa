// Flow operation after-sales-coverage (三包判定 / warranty coverage), API side.
import { defineOperationApi } from '@directus/extensions-sdk';
import { activeOperation } from '../../lib/single-copy';
import { packContextOf } from '../lib/flow-context';
import { runOperation } from '../lib/operation-error';
import { runCoverageOperation } from './run-coverage-operation';

export default defineOperationApi({
	id: 'after-sales-coverage',
	handler: activeOperation('after-sales-coverage', (options, context) => runOperation(() => runCoverageOperation(packContextOf(context), options))),
});
