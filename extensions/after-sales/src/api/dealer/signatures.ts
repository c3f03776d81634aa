// WTY-5: the customer's signature drawn on screen. Only PNG or JPEG (checked by their magic bytes,
// not by what the client claims), size-limited, stored through the FilesService in one folder, and
// readable by the uploading dealer only (ARC-4: no other dealer sees it by any path).
import { Readable } from 'node:stream';
import type { Caller } from '../lib/caller';
import { SYSTEM_ACCOUNTABILITY, type PackContext } from '../lib/context';
import { NotFoundError, parseOrThrow, ruleViolation, ScopeForbiddenError } from '../lib/errors';
import { SignatureInputSchema, uuid } from './schemas';
import { isUniqueViolation } from '../lib/db-values';

export const SIGNATURE_MAX_BYTES = 256 * 1024;
export const SIGNATURE_FOLDER = 'a5a1e5a1-0000-4000-8000-00000000f001';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** The image type its first bytes say it is, or null. */
export function sniffImageType(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
	if (PNG.every((b, i) => bytes[i] === b)) return 'image/png';
	if (JPEG.every((b, i) => bytes[i] === b)) return 'image/jpeg';
	return null;
}

async function ensureFolder(ctx: PackContext) {
	const existing = await ctx.database('directus_folders').where({ id: SIGNATURE_FOLDER }).first('id');
	if (existing) return;
	try {
		await ctx.database('directus_folders').insert({ id: SIGNATURE_FOLDER, name: '三包签字 Warranty signatures', parent: null });
	} catch (error) {
		if (!isUniqueViolation(error)) throw error;
	}
}

export async function uploadSignature(ctx: PackContext, caller: Caller, body: unknown) {
	const input = parseOrThrow(SignatureInputSchema, body, 'WTY-5');
	const match = /^data:([\w/+.-]+);base64,(.*)$/s.exec(input.data);
	const base64 = (match ? match[2]! : input.data).replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw ruleViolation('WTY-5', 'data', 'is not base64 image data');
	// Refuse before decoding what could be huge.
	if (base64.length > Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) + 4) throw ruleViolation('WTY-5', 'data', `the signature image is larger than ${SIGNATURE_MAX_BYTES / 1024} KB`);
	const bytes = Buffer.from(base64, 'base64');
	if (bytes.length === 0) throw ruleViolation('WTY-5', 'data', 'the image is empty');
	if (bytes.length > SIGNATURE_MAX_BYTES) throw ruleViolation('WTY-5', 'data', `the signature image is larger than ${SIGNATURE_MAX_BYTES / 1024} KB`);
	const type = sniffImageType(bytes);
	if (!type) throw ruleViolation('WTY-5', 'data', 'a signature must be a PNG or JPEG image');
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

/** ARC-4: a signature file belongs to the dealer whose user uploaded it or whose repair uses it. */
async function ownsFile(ctx: PackContext, dealer: number, id: string) {
	const file = await ctx.database('directus_files').where({ id }).first('id', 'uploaded_by', 'folder', 'type');
	if (!file) return { file: null, owned: false };
	if (file.folder !== SIGNATURE_FOLDER) return { file, owned: false };
	const uploader = file.uploaded_by ? await ctx.database('directus_users').where({ id: file.uploaded_by }).first('dealer') : null;
	if (uploader && uploader.dealer === dealer) return { file, owned: true };
	const used = await ctx.database('repair_records').where({ customer_signature: id, dealer }).first('id');
	return { file, owned: Boolean(used) };
}

export async function assertOwnSignature(ctx: PackContext, caller: Caller, id: string) {
	parseOrThrow(uuid, id, 'WTY-5');
	if (caller.dealer === null) return;
	const { file, owned } = await ownsFile(ctx, caller.dealer, id);
	if (!file) throw ruleViolation('WTY-5', 'customer_signature', `no uploaded signature ${id}`);
	if (!owned) throw new ScopeForbiddenError({ reason: 'This signature belongs to another dealer (DLR-1)', rule: 'DLR-1' });
}

export async function readOwnSignature(ctx: PackContext, dealer: number, id: string) {
	parseOrThrow(uuid, id, 'DLR-1');
	const { file, owned } = await ownsFile(ctx, dealer, id);
	if (!file) throw new NotFoundError({ reason: `No file ${id}` });
	if (!owned) throw new ScopeForbiddenError({ reason: 'This file belongs to another dealer (DLR-1)', rule: 'DLR-1' });
	const schema = await ctx.getSchema();
	const assets = new ctx.services['AssetsService']!({ schema, accountability: SYSTEM_ACCOUNTABILITY, knex: ctx.database });
	const { stream } = await assets.getAsset(id, { transformationParams: {} });
	return { stream: stream as NodeJS.ReadableStream, file: file as { type: string | null } };
}
