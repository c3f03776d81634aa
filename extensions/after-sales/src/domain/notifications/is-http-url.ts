/** ESC-2: webhooks leave the server, so only plain web URLs are allowed (no file:, data:, javascript:). */
export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}
