// WTY-5, INT-5: an uploaded signature is accepted only when it is, byte for byte, a well-formed
// PNG or baseline/progressive JPEG: every PNG chunk with a correct CRC and IEND last, every JPEG
// segment in bounds and EOI last, nothing appended (no polyglot HTML or script behind the image).

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MAX_SIDE = 8000;

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
	let c = 0xffffffff;
	for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

export type ImageCheck = { ok: true; type: 'image/png' | 'image/jpeg'; width: number; height: number } | { ok: false; reason: string };

function checkPng(b: Buffer): ImageCheck {
	let offset = 8;
	let width = 0;
	let height = 0;
	let sawData = false;
	let first = true;
	while (offset + 12 <= b.length) {
		const length = b.readUInt32BE(offset);
		const type = b.toString('latin1', offset + 4, offset + 8);
		if (!/^[A-Za-z]{4}$/.test(type)) return { ok: false, reason: 'a PNG chunk has an invalid type' };
		const end = offset + 12 + length;
		if (length > 0x7fffffff || end > b.length) return { ok: false, reason: `the PNG chunk ${type} runs past the end of the file` };
		if (crc32(b, offset + 4, offset + 8 + length) !== b.readUInt32BE(offset + 8 + length)) return { ok: false, reason: `the PNG chunk ${type} is corrupt (CRC)` };
		if (first) {
			if (type !== 'IHDR' || length !== 13) return { ok: false, reason: 'a PNG starts with its IHDR header' };
			width = b.readUInt32BE(offset + 8);
			height = b.readUInt32BE(offset + 12);
			first = false;
		}
		if (type === 'IDAT') sawData = true;
		offset = end;
		if (type === 'IEND') {
			if (offset !== b.length) return { ok: false, reason: 'data follows the end of the PNG image' };
			if (!sawData) return { ok: false, reason: 'the PNG has no image data' };
			if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) return { ok: false, reason: `the image must be between 1 and ${MAX_SIDE} pixels on each side` };
			return { ok: true, type: 'image/png', width, height };
		}
	}
	return { ok: false, reason: 'the PNG is truncated (no IEND)' };
}

function checkJpeg(b: Buffer): ImageCheck {
	let offset = 2;
	let width = 0;
	let height = 0;
	while (offset + 4 <= b.length) {
		if (b[offset] !== 0xff) return { ok: false, reason: 'a JPEG segment is malformed' };
		const marker = b[offset + 1]!;
		if (marker === 0xff) {
			offset += 1;
			continue;
		}
		if (marker === 0xd8 || marker === 0xd9 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) return { ok: false, reason: 'a JPEG marker is out of place' };
		const length = b.readUInt16BE(offset + 2);
		if (length < 2 || offset + 2 + length > b.length) return { ok: false, reason: 'a JPEG segment runs past the end of the file' };
		if (marker >= 0xc0 && marker <= 0xc2 && length >= 7) {
			height = b.readUInt16BE(offset + 5);
			width = b.readUInt16BE(offset + 7);
		}
		offset += 2 + length;
		if (marker === 0xda) {
			// Entropy-coded data up to the final EOI; nothing may follow it.
			if (b.length < offset + 2 || b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9) return { ok: false, reason: 'the JPEG does not end with its end-of-image marker' };
			for (let i = offset; i < b.length - 2; i++) {
				if (b[i] === 0xff) {
					const next = b[i + 1]!;
					if (next === 0xd9) return { ok: false, reason: 'data follows the end of the JPEG image' };
				}
			}
			if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) return { ok: false, reason: `the image must be between 1 and ${MAX_SIDE} pixels on each side` };
			return { ok: true, type: 'image/jpeg', width, height };
		}
	}
	return { ok: false, reason: 'the JPEG is truncated' };
}

/** Strictly validates a signature image; the type comes from the bytes, never from the client. */
export function validateImage(bytes: Buffer): ImageCheck {
	if (bytes.length >= 8 && PNG_SIGNATURE.every((v, i) => bytes[i] === v)) return checkPng(bytes);
	if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return checkJpeg(bytes);
	return { ok: false, reason: 'a signature must be a PNG or JPEG image' };
}
