// WTY-5: the customer's signature drawn on screen. Only PNG or JPEG (checked by their magic bytes,
// not by what the client claims), size-limited, stored through the FilesService in one folder, and
// readable by the uploading dealer only (ARC-4: no other dealer sees it by any path).
import { loadSettings } from '../services/settings';
import { Readable } from 'node:stream';
import type { Caller } from '../lib/caller';
import { SYSTEM_ACCOUNTABILITY, type PackContext } from '../lib/context';
import { SIGNATURE_FOLDER } from '../lib/assert-owned-by';
import { parseOrThrow, ruleViolation } from '../lib/errors';
import { insertOnce } from '../lib/insert-once';
import { validateImage } from '../lib/validate-image';
import { SignatureInputSchema } from './schemas';
import { msg } from '../../domain/messages';

export { SIGNATURE_FOLDER };

/** The image type its bytes prove it is (strictly validated), or null. */
export function sniffImageType(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
	const check = validateImage(bytes);
	return check.ok ? check.type : null;
}

async function ensureFolder(ctx: PackContext) {
	await insertOnce(ctx.database, 'directus_folders', { id: SIGNATURE_FOLDER, name: '三包签字 Warranty signatures', parent: null }, 'id');
}

export async function uploadSignature(ctx: PackContext, caller: Caller, body: unknown) {
	const input = parseOrThrow(SignatureInputSchema, body, 'WTY-5');
	const match = /^data:([\w/+.-]+);base64,(.*)$/s.exec(input.data);
	const base64 = (match ? match[2]! : input.data).replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw ruleViolation('WTY-5', 'data', msg('signature.not_base64'));
	// WTY-5: the size limit is the setting `signature_max_kb`. Refuse before decoding what could be huge.
	const maxBytes = (await loadSettings(ctx.database)).signatureMaxBytes;
	if (base64.length > Math.ceil((maxBytes * 4) / 3) + 4) throw ruleViolation('WTY-5', 'data', msg('signature.too_large', { kb: maxBytes / 1024 }));
	const bytes = Buffer.from(base64, 'base64');
	if (bytes.length === 0) throw ruleViolation('WTY-5', 'data', msg('signature.empty'));
	if (bytes.length > maxBytes) throw ruleViolation('WTY-5', 'data', msg('signature.too_large', { kb: maxBytes / 1024 }));
	const check = validateImage(bytes);
	if (!check.ok) throw ruleViolation('WTY-5', 'data', check.reason);
	const type = check.type;
	await ensureFolder(ctx);
	const schema = await ctx.getSchema();
	const files = new ctx.services['FilesService']!({ schema, accountability: SYSTEM_ACCOUNTABILITY, knex: ctx.database });
	const ext = type === 'image/png' ? 'png' : 'jpg';
	const id = await files.uploadOne(Readable.from(bytes), {
		storage: String(ctx.env['STORAGE_LOCATIONS'] ?? 'local').split(',')[0]!.trim(),
		type,
		filename_download: `${(input.filename ?? 'signature').replace(/[^\w.-]+/g, '_').replace(/\.(png|jpe?g)$/i, '')}.${ext}`,
		title: input.signer_name ? `签字 ${input.signer_name}` : '用户签字 Customer signature',
		folder: SIGNATURE_FOLDER,
		uploaded_by: caller.user,
	});
	// The service records the system as uploader; ownership (ARC-4) is the dealer user's.
	await ctx.database('directus_files').where({ id }).update({ uploaded_by: caller.user });
	return { id, type, size: bytes.length };
}

/** Streams a signature the caller has already been checked to own (assertOwnedBy 'file'). */
export async function readOwnSignature(ctx: PackContext, id: string) {
	const file = await ctx.database('directus_files').where({ id }).first('id', 'type');
	const schema = await ctx.getSchema();
	const assets = new ctx.services['AssetsService']!({ schema, accountability: SYSTEM_ACCOUNTABILITY, knex: ctx.database });
	const { stream } = await assets.getAsset(id, { transformationParams: {} });
	return { stream: stream as NodeJS.ReadableStream, file: file as { type: string | null } };
}
