// The one way the tests start Debian's Chromium (playwright-core): headless, no sandbox (root),
// no GPU, and no background networking (this machine's closed network refuses it).
import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { screenshotDir } from './helpers';

export const launchChromium = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

/** A browser for the whole test file, and the folder its screenshots go to. */
export function useBrowser(): { browser: () => Browser; shots: string } {
	const shots = screenshotDir();
	let browser: Browser | null = null;
	beforeAll(async () => {
		mkdirSync(shots, { recursive: true });
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});
	return { browser: () => browser!, shots };
}
