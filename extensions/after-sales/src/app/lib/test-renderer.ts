// Test helper: a Vue renderer onto plain objects (no DOM), so a unit test can mount a component,
// find its elements by attribute, fire their listeners with a fake event and read what it emits —
// the interaction the server renderer cannot show. Not part of the bundle (only tests import it).
import { createRenderer, nextTick, type Component } from 'vue';

export type TestNode = {
	tag: string; text: string; props: Record<string, unknown>; children: TestNode[]; parent: TestNode | null;
};

const node = (tag: string, text = ''): TestNode => ({ tag, text, props: {}, children: [], parent: null });

const { createApp } = createRenderer<TestNode, TestNode>({
	createElement: (tag) => node(tag),
	createText: (text) => node('#text', text),
	createComment: (text) => node('#comment', text),
	setText: (n, text) => { n.text = text; },
	setElementText: (n, text) => { n.children = text ? [Object.assign(node('#text', text), { parent: n })] : []; },
	insert: (child, parent, anchor) => {
		if (child.parent) child.parent.children.splice(child.parent.children.indexOf(child), 1);
		const at = anchor ? parent.children.indexOf(anchor) : -1;
		if (at >= 0) parent.children.splice(at, 0, child);
		else parent.children.push(child);
		child.parent = parent;
	},
	remove: (child) => {
		if (!child.parent) return;
		child.parent.children.splice(child.parent.children.indexOf(child), 1);
		child.parent = null;
	},
	parentNode: (n) => n.parent,
	nextSibling: (n) => (n.parent ? (n.parent.children[n.parent.children.indexOf(n) + 1] ?? null) : null),
	patchProp: (n, key, _prev, next) => {
		if (next === null || next === undefined) delete n.props[key];
		else n.props[key] = next;
	},
});

export type Mounted = {
	root: TestNode;
	emitted: unknown[][];
	find: (predicate: (n: TestNode) => boolean) => TestNode[];
	byTestId: (id: string) => TestNode[];
	text: (n?: TestNode) => string;
	fire: (n: TestNode, event: string, target?: Record<string, unknown>) => Promise<void>;
	setProps: (props: Record<string, unknown>) => Promise<void>;
	unmount: () => void;
};

/** Mounts `component` with `props`; `components` stand in for the Studio's global ones (v-button …). */
export async function mount(component: Component, props: Record<string, unknown>, components: Record<string, Component> = {}, provide: Record<string, unknown> = {}): Promise<Mounted> {
	const { reactive, h } = await import('vue');
	const root = node('root');
	const emitted: unknown[][] = [];
	const state = reactive({ ...props });
	const app = createApp({ render: () => h(component, { ...state, onInput: (...args: unknown[]) => emitted.push(args) }) });
	for (const [name, c] of Object.entries(components)) app.component(name, c);
	for (const [key, value] of Object.entries(provide)) app.provide(key, value);
	app.mount(root);
	await nextTick();
	const all = (n: TestNode): TestNode[] => [n, ...n.children.flatMap(all)];
	const text = (n: TestNode = root): string => (n.tag === '#text' ? n.text : n.tag === '#comment' ? '' : n.children.map(text).join(''));
	return {
		root, emitted, text,
		find: (predicate) => all(root).filter(predicate),
		byTestId: (id) => all(root).filter((n) => n.props['data-testid'] === id),
		fire: async (n, event, target = {}) => {
			const handler = n.props[`on${event[0]!.toUpperCase()}${event.slice(1)}`] as ((e: unknown) => void) | ((e: unknown) => void)[] | undefined;
			if (!handler) throw new Error(`no ${event} listener on <${n.tag}>`);
			const e = { target: { ...n.props, ...target }, preventDefault: () => undefined, key: target['key'] };
			for (const h of Array.isArray(handler) ? handler : [handler]) h(e);
			await nextTick();
		},
		setProps: async (next) => {
			Object.assign(state, next);
			await nextTick();
		},
		unmount: () => app.unmount(),
	};
}
