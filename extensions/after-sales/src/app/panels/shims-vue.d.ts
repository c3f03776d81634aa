// Type of single-file components for the type checker (the extensions-sdk compiles them).
declare module '*.vue' {
	import type { DefineComponent } from 'vue';
	const component: DefineComponent<object, object, unknown>;
	export default component;
}
