// Pure: the readable report of an install plan (Chinese first, then English, one item a line).
import type { LimitUse } from './check-licence-limits';
import type { Clash, KeptEdit } from './compute-schema-plan';
import type { InstallPlan, SchemaDiff } from './plan-install';
import type { RestoredRoles } from './provision-roles';

export const README_CLASHES = 'README.md「安装到已有的 Directus 项目 / Installing into an existing Directus project」';

export const RESTART_HINT =
	'[after-sales] 如 Directus 正在运行，请重启它以加载新的集合与权限（重启前新集合会返回 403） / Restart a running Directus so it loads the changed collections and permissions (until then it answers 403 on new collections).';

const KIND_ZH = { collection: '集合', field: '字段', relation: '关系' } as const;

export function formatClash(clash: Clash): string {
	if (clash.kind === 'collection') {
		if (clash.unmanaged) return `✗ 数据库中已有表 ${clash.name}（不受 Directus 管理） / table "${clash.name}" already exists in the database (not managed by Directus)`;
		const zh = [clash.rows !== undefined ? `${clash.rows} 行数据` : null, ...clash.typeConflicts.slice(0, 3).map((t) => `字段 ${t.field} 为 ${t.theirs}，本扩展需要 ${t.ours}`)].filter(Boolean);
		const en = [clash.rows !== undefined ? `${clash.rows} rows` : null, ...clash.typeConflicts.slice(0, 3).map((t) => `field ${t.field} is ${t.theirs}, the pack needs ${t.ours}`)].filter(Boolean);
		return `✗ 集合 ${clash.name} 已存在，但不是本扩展创建的${zh.length ? `（${zh.join('；')}）` : ''} / collection "${clash.name}" exists and was not created by the pack${en.length ? ` (${en.join('; ')})` : ''}`;
	}
	if (clash.kind === 'field') {
		if (clash.unmanaged) return `✗ 数据库中已有列 ${clash.name}（不受 Directus 管理） / column "${clash.name}" already exists in the database (not managed by Directus)`;
		const types = clash.theirs && clash.ours && clash.theirs !== clash.ours;
		return `✗ 字段 ${clash.name} 已存在，但不是本扩展创建的${types ? `（类型 ${clash.theirs}，本扩展需要 ${clash.ours}）` : ''} / field "${clash.name}" exists and was not created by the pack${types ? ` (${clash.theirs}; the pack needs ${clash.ours})` : ''}`;
	}
	return `✗ 关系 ${clash.name} 已存在，但不是本扩展创建的（指向 ${clash.theirs ?? '—'}，本扩展需要 ${clash.ours ?? '—'}） / relation "${clash.name}" exists and was not created by the pack (to ${clash.theirs ?? '—'}; the pack needs ${clash.ours ?? '—'})`;
}

export function formatLimit(use: LimitUse): string {
	const total = use.usage + use.adding;
	if (use.key === 'collections') {
		return `✗ 集合数将超出许可：已用 ${use.usage} + 本扩展新增 ${use.adding} = ${total}，上限 ${use.limit} / collections over the licence limit: ${use.usage} in use + ${use.adding} from the pack = ${total}, limit ${use.limit}`;
	}
	return `✗ 席位将超出许可：已用 ${use.usage} + 演示数据的后台用户 ${use.adding} = ${total}，上限 ${use.limit} / seats over the licence limit: ${use.usage} in use + ${use.adding} Studio users of the demo data = ${total}, limit ${use.limit}`;
}

export const ADOPTED_LINE = '本扩展的旧版安装（无安装记录）已接管：与发布版本不同之处视为管理员的修改并保留 / an earlier install of the pack (without an install record) is adopted: what differs from the shipped schema is kept as an admin’s edit';

const SKIP_REASON = {
	deleted: ['用户已不存在', 'the user no longer exists'],
	other_role: ['管理员已给了其他角色，保留', 'an admin has given the user another role since; kept'],
	refused: ['Directus 拒绝', 'Directus refused'],
} as const;

/** After `uninstall --keep-data`: the users whose pack role the install gave back, and those it did not. */
export function formatRestoredRoles(roles: RestoredRoles): string[] {
	const lines = roles.restored.map((r) => `  恢复角色 ${r.role} 给 ${r.email} / gave ${r.email} back the role ${r.role}`);
	for (const s of roles.skipped) {
		const [zh, en] = SKIP_REASON[s.reason];
		lines.push(`  ! 未恢复 ${s.email} 的角色：${zh}${s.detail ? `（${s.detail}）` : ''} / ${s.email}'s pack role not restored: ${en}${s.detail ? ` (${s.detail})` : ''}`);
	}
	return lines;
}

export function formatKept(edit: KeptEdit): string {
	return `  保留 ${KIND_ZH[edit.kind]} ${edit.name} 的 ${edit.property}（管理员已修改） / kept ${edit.kind} ${edit.name} ${edit.property} (changed by an admin)`;
}

const short = (value: unknown) => {
	const text = JSON.stringify(value) ?? 'undefined';
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** New collections as one line each (with their field count); other changes one a line. */
export function describeDiff(diff: SchemaDiff | null): string[] {
	if (!diff) return [];
	const newCollections = new Set(diff.collections.filter((c) => c.diff.some((d) => d.kind === 'N' && !d.path)).map((c) => c.collection));
	const lines: string[] = [];
	for (const collection of newCollections) {
		const fields = diff.fields.filter((f) => f.collection === collection).length;
		lines.push(`  + 集合 ${collection}（${fields} 个字段） / collection ${collection} (${fields} fields)`);
	}
	const entries = [...diff.collections, ...diff.fields].map((entry) => ({ entry, label: '' })).concat(diff.relations.map((entry) => ({ entry, label: '关系 / relation ' })));
	for (const { entry, label } of entries) {
		if (newCollections.has(entry.collection)) continue;
		const name = `${label}${entry.collection}${entry.field ? `.${entry.field}` : ''}`;
		for (const d of entry.diff) {
			if (d.kind === 'N' && !d.path) lines.push(`  + ${name}`);
			else lines.push(`  ~ ${name}${d.path ? ` ${d.path.join('.')}` : ''}${d.kind === 'E' ? `: ${short(d.lhs)} → ${short(d.rhs)}` : d.kind === 'D' ? ' (removed)' : ''}`);
		}
	}
	return lines;
}

/** The report of a refused install or a dry run (without the restart hint). */
export function formatInstallPlan(plan: InstallPlan, mode: 'dry-run' | 'install'): string[] {
	const lines: string[] = [];
	const refused = plan.clashes.length > 0 || plan.breaches.length > 0;
	if (refused) {
		lines.push(`[after-sales] ${mode === 'dry-run' ? '试运行 / dry run' : '安装 / install'}: 无法安装 / cannot install`);
		if (plan.clashes.length) {
			lines.push(`冲突 / clashes (${plan.clashes.length}):`);
			lines.push(...plan.clashes.map((c) => `  ${formatClash(c)}`));
		}
		if (plan.breaches.length) {
			lines.push(`许可限制 / licence limits (${plan.breaches.length}):`);
			lines.push(...plan.breaches.map((b) => `  ${formatLimit(b)}`));
		}
		lines.push(`未做任何更改。解决办法见 ${README_CLASHES} / Nothing was changed. How to resolve this: ${README_CLASHES}.`);
		return lines;
	}
	const changes = describeDiff(plan.diff);
	const limits = plan.limits.map((l) => `${l.key} ${l.usage} + ${l.adding}${l.limit === -1 ? '' : ` ≤ ${l.limit}`}`).join(', ');
	lines.push(`[after-sales] 试运行 / dry run: 没有冲突${plan.limitsUnknown ? '' : '，未超出许可'} / no clashes${plan.limitsUnknown ? '' : `, within the licence limits (${limits})`}`);
	if (plan.limitsUnknown) lines.push(`  ! 无法读取许可限制，安装时由 Directus 检查 / licence limits could not be read; Directus checks them while installing: ${plan.limitsUnknown}`);
	if (plan.adopted) lines.push(`  ${ADOPTED_LINE}`);
	const holders = plan.record?.role_holders?.length ?? 0;
	if (holders) lines.push(`  安装将恢复 ${holders} 位用户的本扩展角色（卸载 --keep-data 时记录） / the install gives ${holders} users their pack role back (recorded by uninstall --keep-data)`);
	lines.push(changes.length ? `结构变更 / schema changes (${changes.length}):` : '结构已是最新 / schema is up to date');
	lines.push(...changes);
	if (plan.kept.length) lines.push(`保留管理员的修改 / an admin's edits kept (${plan.kept.length}):`, ...plan.kept.map(formatKept));
	return lines;
}
