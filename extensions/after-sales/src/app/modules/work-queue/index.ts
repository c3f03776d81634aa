import { defineModule } from '@directus/extensions-sdk';
import ModuleWorkQueue from './module-work-queue.vue';

// Issue #12 item 3: the Studio's 售后工作台 (module id `after-sales`, CONTRACT) — what the signed-in
// person must do next, from GET /after-sales/me/work-queue.
export default defineModule({
	id: 'after-sales',
	name: '售后工作台 / Work queue',
	icon: 'support_agent',
	routes: [{ path: '', component: ModuleWorkQueue }],
});
