// `npm start`, before Directus: when Redis is configured (REDIS, REDIS_HOST, or a *_STORE=redis),
// it must answer, or Directus would fail later with a message about the database. One PING over
// a plain socket (no client library), with AUTH when a password is set; a clear sentence otherwise.
import { createConnection } from 'node:net';
import { fail } from './runtime.mjs';

const STORES = ['CACHE_STORE', 'SYNCHRONIZATION_STORE', 'RATE_LIMITER_STORE', 'MESSENGER_STORE'];

/** Where Redis is configured, as `{ host, port, password, setting }`, or null when it is not used. */
export function redisTarget(env) {
	if (env.REDIS) {
		const url = new URL(env.REDIS);
		return { host: url.hostname || '127.0.0.1', port: Number(url.port || 6379), password: url.password ? decodeURIComponent(url.password) : null, username: url.username || null, setting: 'REDIS' };
	}
	if (env.REDIS_HOST || env.REDIS_PORT) {
		return { host: env.REDIS_HOST ?? '127.0.0.1', port: Number(env.REDIS_PORT ?? 6379), password: env.REDIS_PASSWORD ?? null, username: env.REDIS_USERNAME ?? null, setting: env.REDIS_HOST ? 'REDIS_HOST' : 'REDIS_PORT' };
	}
	const store = STORES.find((name) => env[name] === 'redis');
	if (store) return { host: '127.0.0.1', port: 6379, password: null, username: null, setting: store };
	return null;
}

/** Null when Redis answers (or is not configured); otherwise the sentence to show. */
export function checkRedis(env, timeoutMs = 3000) {
	const target = redisTarget(env);
	if (!target) return Promise.resolve(null);
	const where = `${target.host}:${target.port}`;
	const sentence = (why) => `Redis is configured (${target.setting}) but cannot be reached at ${where}: ${why}. Start Redis or correct ${target.setting} in .env.`;
	return new Promise((resolve) => {
		const socket = createConnection({ host: target.host, port: target.port });
		const done = (result) => {
			socket.destroy();
			resolve(result);
		};
		socket.setTimeout(timeoutMs, () => done(sentence(`no answer within ${timeoutMs / 1000} s`)));
		socket.on('error', (error) => done(sentence(error.code ?? error.message)));
		socket.on('connect', () => {
			const auth = target.password ? `AUTH ${target.username ? `${target.username} ` : ''}${target.password}\r\n` : '';
			socket.write(`${auth}PING\r\n`);
		});
		let text = '';
		socket.on('data', (chunk) => {
			text += chunk.toString('utf8');
			if (/WRONGPASS|invalid password|NOAUTH/i.test(text)) done(sentence('it refused the password (REDIS_PASSWORD or the password in REDIS)'));
			else if (text.includes('+PONG')) done(null);
		});
	});
}

/** `npm start`: stop with one sentence naming Redis and the setting when it is configured but unreachable. */
export async function assertRedisReachable(env) {
	const problem = await checkRedis(env);
	if (problem) fail(problem);
}
