// Word files for the import tests and the benchmark: drafts written as WordprocessingML by
// hand (zipped with jszip) and hostile archives written byte by byte, since no zip library
// will write a lying size, an encrypted flag or a name outside the archive.

import { constants, createDeflateRaw } from 'node:zlib';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface HandParagraph {
  /** Runs as [text, {bold, ins: author, del: author}]; a plain string is one run. */
  runs: (string | { text: string; bold?: boolean; ins?: string; del?: string })[];
  style?: string;
  numbered?: boolean;
  /** The paragraph mark itself tracked as inserted or deleted, by this author. */
  markIns?: string;
  markDel?: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const DATE = '2024-12-12T09:30:00Z';

function runXml(run: HandParagraph['runs'][number], id: () => number): string {
  const r = typeof run === 'string' ? { text: run } : run;
  const props = r.bold ? '<w:rPr><w:b/></w:rPr>' : '';
  if (r.del)
    return `<w:del w:id="${id()}" w:author="${r.del}" w:date="${DATE}"><w:r>${props}<w:delText xml:space="preserve">${escapeXml(r.text)}</w:delText></w:r></w:del>`;
  const plain = `<w:r>${props}<w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`;
  return r.ins
    ? `<w:ins w:id="${id()}" w:author="${r.ins}" w:date="${DATE}">${plain}</w:ins>`
    : plain;
}

/** word/document.xml for these paragraphs; numbered ones use numbering instance 1 (decimal). */
export function documentXml(paragraphs: HandParagraph[], extraBody = ''): string {
  let next = 1;
  const id = () => next++;
  const body = paragraphs
    .map((p) => {
      const mark = p.markIns
        ? `<w:rPr><w:ins w:id="${id()}" w:author="${p.markIns}" w:date="${DATE}"/></w:rPr>`
        : p.markDel
          ? `<w:rPr><w:del w:id="${id()}" w:author="${p.markDel}" w:date="${DATE}"/></w:rPr>`
          : '';
      const pPr = `<w:pPr>${p.style ? `<w:pStyle w:val="${p.style}"/>` : ''}${p.numbered ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : ''}${mark}</w:pPr>`;
      return `<w:p>${pPr}${p.runs.map((r) => runXml(r, id)).join('')}</w:p>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}${extraBody}</w:body></w:document>`;
}

const NUMBERING_XML = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num></w:numbering>`;
const STYLES_XML = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`;

/** A .docx from a document.xml (and the numbering and styles it refers to), zipped with jszip. */
export async function handDocx(
  xml: string,
  extraParts: Record<string, string> = {},
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  zip.file('word/document.xml', xml);
  zip.file('word/numbering.xml', NUMBERING_XML);
  zip.file('word/styles.xml', STYLES_XML);
  for (const [name, content] of Object.entries(extraParts)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export interface RawZipEntry {
  name: string;
  /** The bytes as stored (deflated when `deflated`). */
  stored: Buffer;
  deflated?: boolean;
  /** What the headers claim the entry inflates to. */
  declaredSize: number;
  crc32?: number;
  encrypted?: boolean;
}

/** A zip archive written byte by byte, headers saying whatever the entries say. */
export function rawZip(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const flags = (entry.encrypted ? 1 : 0) | 0x800;
    const method = entry.deflated ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.crc32 ?? 0, 14);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(entry.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, entry.stored);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(entry.crc32 ?? 0, 16);
    central.writeUInt32LE(entry.stored.length, 20);
    central.writeUInt32LE(entry.declaredSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + entry.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A deflate stream that inflates to `megabytes` MiB of paragraphs while taking about a
 * thousandth of that: one MiB block compressed once with a full flush (so it stands alone)
 * and repeated.
 */
export async function bombStream(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const flush = () =>
    new Promise<Buffer>((resolve) => {
      deflate.flush(constants.Z_FULL_FLUSH, () => {
        resolve(Buffer.concat(chunks.splice(0)));
      });
    });
  deflate.write(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>`);
  const head = await flush();
  const paragraph = '<w:p><w:r><w:t>Decide to act.</w:t></w:r></w:p>';
  deflate.write(paragraph.repeat(Math.floor((1024 * 1024) / paragraph.length)));
  const block = await flush();
  const tail = await new Promise<Buffer>((resolve) => {
    deflate.end('</w:body></w:document>', () => resolve(Buffer.concat(chunks.splice(0))));
  });
  return Buffer.concat([head, ...Array<Buffer>(megabytes).fill(block), tail]);
}

/** The hostile uploads every import route must refuse, each with the code it answers. */
export async function hostileFiles(): Promise<{ name: string; bytes: Buffer; code: string }[]> {
  const bomb = await bombStream(1024);
  const doctype = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
  const stored = (name: string, text: string, extra: Partial<RawZipEntry> = {}): RawZipEntry => ({
    name,
    stored: Buffer.from(text),
    declaredSize: Buffer.byteLength(text),
    ...extra,
  });
  return [
    {
      name: 'a zip bomb that declares its 1 GiB',
      bytes: rawZip([
        { name: 'word/document.xml', stored: bomb, deflated: true, declaredSize: 1024 ** 3 },
      ]),
      code: 'DECLARED_TOO_LARGE',
    },
    {
      name: 'a zip bomb that declares 2 KiB and inflates to 1 GiB',
      bytes: rawZip([
        { name: 'word/document.xml', stored: bomb, deflated: true, declaredSize: 2048 },
      ]),
      code: 'INFLATED_TOO_LARGE',
    },
    {
      name: 'a DOCTYPE with an entity',
      bytes: rawZip([stored('word/document.xml', doctype)]),
      code: 'DOCTYPE_REFUSED',
    },
    {
      name: 'an entry outside the archive',
      bytes: rawZip([
        stored('../../etc/cron.d/evil', '* * * * * root true'),
        stored('word/document.xml', doctype),
      ]),
      code: 'UNSAFE_ENTRY',
    },
    {
      name: 'an encrypted entry',
      // ZipCrypto puts a 12-byte header before the data.
      bytes: rawZip([
        { name: 'word/document.xml', stored: Buffer.alloc(16), declaredSize: 4, encrypted: true },
      ]),
      code: 'ENCRYPTED',
    },
    {
      name: 'a zip without word/document.xml',
      bytes: rawZip([stored('hello.txt', 'hello')]),
      code: 'MISSING_DOCUMENT',
    },
    { name: 'random bytes', bytes: pseudoRandomBytes(64 * 1024), code: 'NOT_A_ZIP' },
    { name: 'an empty file', bytes: Buffer.alloc(0), code: 'EMPTY_FILE' },
  ];
}

/** Reproducible noise (a linear congruential generator), so a failure can be replayed. */
function pseudoRandomBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}
