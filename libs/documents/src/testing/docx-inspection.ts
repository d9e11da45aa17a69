// Opens a rendered Word file the way the tests look at it: the XML parts from the zip, and the
// text as mammoth reads it.

import JSZip from 'jszip';
import mammoth from 'mammoth';

export interface OpenedDocx {
  /** word/document.xml */
  document: string;
  styles: string;
  numbering: string;
  settings: string;
  /** Every word/header*.xml, joined. */
  headers: string;
  /** Every word/footer*.xml, joined. */
  footers: string;
  /** The body text as mammoth extracts it. */
  text: string;
  part(name: string): Promise<string>;
}

export async function openDocx(buffer: Buffer): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const joined = async (pattern: RegExp) =>
    (
      await Promise.all(
        Object.keys(zip.files)
          .filter((name) => pattern.test(name))
          .sort()
          .map(read),
      )
    ).join('\n');
  const [document, styles, numbering, settings, headers, footers, extracted] = await Promise.all([
    read('word/document.xml'),
    read('word/styles.xml'),
    read('word/numbering.xml'),
    read('word/settings.xml'),
    joined(/^word\/header\d+\.xml$/),
    joined(/^word\/footer\d+\.xml$/),
    mammoth.extractRawText({ buffer }),
  ]);
  return {
    document,
    styles,
    numbering,
    settings,
    headers,
    footers,
    text: extracted.value,
    part: read,
  };
}

/** The body's paragraphs (<w:p> elements of word/document.xml), each with its XML and its text. */
export function paragraphsOf(documentXml: string): { xml: string; text: string }[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([xml]) => ({
    xml,
    text: textOf(xml),
  }));
}

/** The text of a piece of WordprocessingML (w:t and w:delText), entities decoded. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)]
    .map(([, text]) => decodeXml(text))
    .join('');
}

export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}
