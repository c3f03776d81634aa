import { defineModule } from '@directus/extensions-sdk';
import ModuleWorkQueue from './module-work-queue.vue';

// Issue #12 item 3: the Studio's 售后工作台 (module id `after-sales`, CONTRACT) — what the signed-in
// person must do next, from GET /after-sales/me/work-queue.
export default defineModule({
	id: 'after-sales',
	// Directus does not translate a module's name with the project's translation strings (studio-strings.ts).
	name: '售后工作台',
	icon: 'support_agent',
	routes: [{ path: '', component: ModuleWorkQueue }],
});
