/**
 * NTF-2: DingTalk, WeCom and Feishu robots answer HTTP 200 with an error code in the body when
 * they refuse a message. Returns why the robot refused (`errcode errmsg`), or null when it
 * accepted (code 0, a plain JSON webhook, or a body that is not JSON).
 */
export function computeRobotRefusal(format: string, text: string): string | null {
	if (format === 'json') return null;
	let body: { errcode?: number; code?: number; errmsg?: string; msg?: string } = {};
	try {
		body = JSON.parse(text);
	} catch {
		return null;
	}
	const code = body?.errcode ?? body?.code ?? 0;
	return code === 0 ? null : `${code} ${body.errmsg ?? body.msg ?? ''}`.trim();
}
