// Application ids stored as SQLite blobs: four little-endian bytes each, the compact form of a
// set of 150 ids that a row of numbers or JSON would take several times the space of.

export function packIds(ids: Uint32Array): Buffer {
  const bytes = Buffer.alloc(ids.length * 4);
  ids.forEach((id, i) => bytes.writeUInt32LE(id, i * 4));
  return bytes;
}

export function unpackIds(blob: Buffer): Uint32Array {
  const ids = new Uint32Array(Math.floor(blob.length / 4));
  for (let i = 0; i < ids.length; i += 1) ids[i] = blob.readUInt32LE(i * 4);
  return ids;
}
