// Roles and policies of CONTRACT.md, provisioned idempotently under fixed ids so the hooks can
// recognise them even after an admin renames them. Nothing here uses custom permission rules
// (item filters, field subsets, validation, presets): the core tier refuses them, so dealer and
// technician scoping lives in the pack's own endpoints.
export type RoleKey =
	| 'service_agent' | 'service_manager' | 'leadership' | 'technical_dept' | 'finance' | 'sales_rep' | 'technician' | 'dealer';

type Action = 'create' | 'read' | 'update' | 'delete';

export type RoleDefinition = {
	key: RoleKey;
	id: string;
	policyId: string;
	name: string;
	name_zh: string;
	icon: string;
	description: string;
	appAccess: boolean;
	permissions: Record<string, Action[]>;
};

const R: Action[] = ['read'];
const CRU: Action[] = ['create', 'read', 'update'];
const CRUD: Action[] = ['create', 'read', 'update', 'delete'];

const STAFF_READ = Object.fromEntries(
	['service_settings', 'dealers', 'customers', 'products', 'units', 'service_requests', 'complaints', 'repair_records', 'repair_parts', 'parts_returns',
		'warranty_claims', 'dealer_ledger', 'follow_ups', 'sla_policies', 'sla_timers', 'escalations', 'quality_alerts'].map((c) => [c, R]),
) as Record<string, Action[]>;

// What every Studio user needs around the pack: files (signatures, agreements), people to assign,
// dashboards. These match Directus's "recommended app permissions" and carry no custom rules.
const STUDIO_BASE: Record<string, Action[]> = {
	directus_files: ['create', 'read'], directus_users: R, directus_roles: R, directus_dashboards: R, directus_panels: R,
};

const id = (n: number) => `a5a1e5a1-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const ROLES: RoleDefinition[] = [
	{
		key: 'service_agent', id: id(1), policyId: id(101), name: 'Service Agent', name_zh: '客服专员 / 销售内勤', icon: 'headset_mic',
		description: 'L1 recorder: registers calls, complaints and follow-ups; sales clerk checks dealer tasks (DLR-2).', appAccess: true,
		permissions: { ...STUDIO_BASE, ...STAFF_READ, customers: CRU, service_requests: CRU, complaints: CRU, follow_ups: CRU, units: CRU, repair_records: CRU, repair_parts: CRUD },
	},
	{
		key: 'service_manager', id: id(2), policyId: id(102), name: 'Service Manager', name_zh: '售后服务部主管 / 工程部主管', icon: 'manage_accounts',
		description: 'L2: receives escalations, approves level-1/2 complaint proposals, edits SLA policies and settings.', appAccess: true,
		permissions: {
			...STUDIO_BASE, ...STAFF_READ, directus_dashboards: CRUD, directus_panels: CRUD,
			service_settings: ['read', 'update'], dealers: CRU, customers: CRUD, products: CRU, units: CRU, service_requests: CRUD, complaints: CRU,
			repair_records: CRU, repair_parts: CRUD, parts_returns: CRU, warranty_claims: ['read', 'update'], dealer_ledger: ['create', 'read'],
			follow_ups: CRUD, sla_policies: CRUD, escalations: R, quality_alerts: ['read', 'update'],
		},
	},
	{
		key: 'leadership', id: id(3), policyId: id(103), name: 'Leadership', name_zh: '公司领导', icon: 'corporate_fare',
		description: 'L3: receives top-level escalations, approves level-3 complaint proposals.', appAccess: true,
		permissions: { ...STUDIO_BASE, ...STAFF_READ, complaints: ['read', 'update'], quality_alerts: ['read', 'update'] },
	},
	{
		key: 'technical_dept', id: id(4), policyId: id(104), name: 'Technical Dept', name_zh: '技术部', icon: 'engineering',
		description: 'Inspects returned old parts (WTY-6) and claims (WTY-7); owns design-related quality alerts (RPT-4).', appAccess: true,
		permissions: { ...STUDIO_BASE, ...STAFF_READ, warranty_claims: ['read', 'update'], repair_parts: ['read', 'update'], parts_returns: ['read', 'update'], quality_alerts: ['read', 'update'] },
	},
	{
		key: 'finance', id: id(5), policyId: id(105), name: 'Finance', name_zh: '财务部', icon: 'payments',
		description: 'Verifies claim costs, approves and writes off to the dealer ledger (WTY-7, WTY-8).', appAccess: true,
		permissions: { ...STUDIO_BASE, ...STAFF_READ, warranty_claims: ['read', 'update'], repair_parts: ['read', 'update'], dealer_ledger: ['create', 'read'] },
	},
	{
		key: 'sales_rep', id: id(6), policyId: id(106), name: 'Sales Rep', name_zh: '销售业务员', icon: 'badge',
		description: 'Audits dealer claims (spot checks, rejects out-of-scope lines) (WTY-7).', appAccess: true,
		permissions: { ...STUDIO_BASE, ...STAFF_READ, warranty_claims: ['read', 'update'], repair_parts: ['read', 'update'] },
	},
	{
		key: 'technician', id: id(7), policyId: id(107), name: 'Technician', name_zh: '技术员 / 售后工程师', icon: 'handyman',
		description: 'L1 handler in the field. Uses the portal only: no Studio seat, no item permissions.', appAccess: false,
		permissions: {},
	},
	{
		key: 'dealer', id: id(8), policyId: id(108), name: 'Dealer', name_zh: '经销商', icon: 'storefront',
		description: 'Dealer staff, bound to a dealer by directus_users.dealer. Uses the portal only: no Studio seat; scoping is enforced by the pack’s endpoints.', appAccess: false,
		permissions: {},
	},
];

export const ROLE_BY_ID = new Map(ROLES.map((r) => [r.id, r]));
export const ROLE_BY_KEY = new Map(ROLES.map((r) => [r.key, r]));

/** The pack's role keys held by a caller (admins are handled separately). */
export function roleKeysOf(accountability: { role?: string | null; roles?: string[] } | null | undefined): RoleKey[] {
	if (!accountability) return [];
	const ids = new Set([...(accountability.roles ?? []), ...(accountability.role ? [accountability.role] : [])]);
	return ROLES.filter((r) => ids.has(r.id)).map((r) => r.key);
}
