// Deterministic demo data: the same seed and day always give the same archive. Pure: no I/O.

export function createRng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
		chance: (p: number) => next() < p,
	};
}

export type Rng = ReturnType<typeof createRng>;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '建国', '建华', '志强', '海燕', '国庆', '红梅', '春生', '立新', '德胜', '玉兰', '永刚', '金山', '长海', '桂英'];
export const REGIONS = [
	{ province: '山东', city: '济南', county: ['章丘区', '济阳区', '商河县'] },
	{ province: '河南', city: '郑州', county: ['中牟县', '新郑市', '登封市'] },
	{ province: '河北', city: '石家庄', county: ['藁城区', '正定县', '赵县'] },
	{ province: '黑龙江', city: '哈尔滨', county: ['五常市', '双城区', '宾县'] },
	{ province: '江苏', city: '徐州', county: ['沛县', '睢宁县', '邳州市'] },
	{ province: '安徽', city: '阜阳', county: ['临泉县', '太和县', '颍上县'] },
	{ province: '吉林', city: '长春', county: ['农安县', '榆树市', '德惠市'] },
	{ province: '新疆', city: '昌吉', county: ['玛纳斯县', '呼图壁县', '奇台县'] },
	{ province: '湖北', city: '襄阳', county: ['枣阳市', '宜城市', '老河口市'] },
	{ province: '四川', city: '绵阳', county: ['江油市', '三台县', '梓潼县'] },
];
const COMPANY_KINDS = ['农机专业合作社', '家庭农场', '农业发展有限公司', '种植专业合作社', '农机服务队'];

export const PRODUCTS = [
	{ model: 'LX-904', name: '轮式拖拉机 LX-904', category: 'tractor', power_kw: '66.2', warranty_months: 12, main_parts_warranty_months: 24, main_parts: '发动机机体、缸盖、曲轴、变速箱壳体、后桥壳体', price: 128000 },
	{ model: '4LZ-6', name: '谷物联合收割机 4LZ-6', category: 'harvester', power_kw: '95.6', warranty_months: 12, main_parts_warranty_months: 24, main_parts: '发动机、割台主体、脱粒滚筒、行走变速箱', price: 186000 },
	{ model: 'YT4A2', name: '多缸柴油机 YT4A2', category: 'diesel_engine', power_kw: '58.8', warranty_months: 12, main_parts_warranty_months: 24, main_parts: '机体、缸盖、曲轴、凸轮轴、连杆', price: 23800 },
	{ model: '1GQN-200', name: '旋耕机 1GQN-200', category: 'implement', power_kw: null, warranty_months: 12, main_parts_warranty_months: 12, main_parts: '变速箱、刀轴', price: 8600 },
	{ model: 'KYN28-12', name: '高压开关柜 KYN28-12', category: 'electrical', power_kw: null, warranty_months: 18, main_parts_warranty_months: 36, main_parts: '断路器、互感器、母线', price: 46000 },
] as const;

export const FAULTS: Record<string, { scope: 'whole_machine' | 'main_part' | 'wear_part'; text: string[] }> = {
	engine: { scope: 'main_part', text: ['发动机启动困难，冒黑烟', '发动机异响，机油压力低', '发动机功率不足，水温偏高', '缸垫冲坏，冷却液进入机油'] },
	transmission: { scope: 'main_part', text: ['变速箱挂挡困难，有打齿声', '离合器打滑，无法结合', '后桥异响'] },
	hydraulic: { scope: 'whole_machine', text: ['液压提升无力，农具提不起来', '液压油管渗漏', '多路阀卡滞'] },
	electrical: { scope: 'wear_part', text: ['仪表盘不显示', '发电机不充电，蓄电池亏电', '起动机不转', '断路器合闸失败'] },
	chassis: { scope: 'whole_machine', text: ['转向沉重', '前轮摆振', '履带跑偏'] },
	header: { scope: 'whole_machine', text: ['割台搅龙堵塞', '割刀断齿，割茬不齐', '拨禾轮转速不稳'] },
	cooling: { scope: 'wear_part', text: ['水箱渗漏', '风扇皮带打滑，水温高'] },
	fuel: { scope: 'wear_part', text: ['喷油嘴雾化不良', '燃油滤清器堵塞，熄火'] },
};

export const PARTS: Record<string, { part_no: string; part_name: string; price: string; main: boolean }[]> = {
	engine: [{ part_no: 'EN-2101', part_name: '气缸垫', price: '86.00', main: false }, { part_no: 'EN-3300', part_name: '喷油泵总成', price: '1580.00', main: true }, { part_no: 'EN-1005', part_name: '曲轴', price: '2360.00', main: true }],
	transmission: [{ part_no: 'TR-4402', part_name: '二轴齿轮', price: '420.00', main: true }, { part_no: 'TR-1601', part_name: '离合器从动盘', price: '268.00', main: false }],
	hydraulic: [{ part_no: 'HY-0810', part_name: '提升器油封组件', price: '95.00', main: false }, { part_no: 'HY-2200', part_name: '齿轮泵', price: '860.00', main: false }],
	electrical: [{ part_no: 'EL-3701', part_name: '发电机', price: '455.00', main: false }, { part_no: 'EL-3708', part_name: '起动机', price: '620.00', main: false }],
	chassis: [{ part_no: 'CH-3401', part_name: '转向器总成', price: '980.00', main: false }],
	header: [{ part_no: 'HD-0105', part_name: '动刀片', price: '12.50', main: false }, { part_no: 'HD-0300', part_name: '搅龙叶片', price: '138.00', main: false }],
	cooling: [{ part_no: 'CO-1301', part_name: '散热器', price: '720.00', main: false }, { part_no: 'CO-1307', part_name: '风扇皮带', price: '48.00', main: false }],
	fuel: [{ part_no: 'FU-1105', part_name: '燃油滤清器', price: '36.00', main: false }, { part_no: 'FU-1112', part_name: '喷油嘴偶件', price: '165.00', main: false }],
};

export function personName(rng: Rng) {
	return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

export function phone(rng: Rng) {
	return `1${rng.pick(['35', '38', '39', '50', '58', '86', '87', '89'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function companyName(rng: Rng, region: (typeof REGIONS)[number]) {
	const county = rng.pick(region.county).replace(/[区县市]$/, '');
	return `${county}${rng.pick(['丰收', '金穗', '沃土', '兴农', '田园', '绿野', '惠民', '裕丰'])}${rng.pick(COMPANY_KINDS)}`;
}

/** Calendar date `days` before `today` ('YYYY-MM-DD'). */
export function daysBefore(today: string, days: number) {
	const d = new Date(`${today}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - days);
	return d.toISOString().slice(0, 10);
}

export function daysAfter(day: string, days: number) {
	return daysBefore(day, -days);
}

/** A Beijing working-hours instant on a given calendar date. */
export function instantOn(day: string, rng: Rng) {
	const hour = rng.int(8, 16);
	const minute = rng.int(0, 59);
	return new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
}
