// The slice of Directus's hook registration the warranty adapters use.
export type Register = {
	filter: (event: string, handler: (...args: any[]) => unknown) => void;
	action: (event: string, handler: (...args: any[]) => unknown) => void;
	schedule: (cron: string, handler: () => unknown) => void;
};
