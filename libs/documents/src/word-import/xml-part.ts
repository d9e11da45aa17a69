import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { DocxArchive } from './docx-archive';
import { WordImportError } from './word-import-error';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export interface XmlPartHandler {
  open(tag: SaxesTagNS): void;
  close(tag: SaxesTagNS): void;
  text(text: string): void;
}

/**
 * Streams one XML part of the archive through saxes, which expands no entity and fetches
 * nothing. A DOCTYPE (Word never writes one; it is how entity tricks begin) refuses the file.
 */
export async function readXmlPart(
  archive: DocxArchive,
  name: string,
  handler: XmlPartHandler,
): Promise<void> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('doctype', () => {
    throw new WordImportError('DOCTYPE_REFUSED', undefined, name);
  });
  parser.on('error', (error) => {
    throw new WordImportError('MALFORMED_XML', undefined, `${name}: ${error.message}`);
  });
  parser.on('opentag', (tag) => handler.open(tag));
  parser.on('closetag', (tag) => handler.close(tag));
  parser.on('text', (text) => handler.text(text));
  await archive.read(name, (chunk) => {
    parser.write(chunk);
  });
  parser.close();
}

/** The value of a WordprocessingML attribute (w:val, w:author…), whatever its prefix. */
export function wAttribute(tag: SaxesTagNS, local: string): string | undefined {
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.local === local && (attribute.uri === W_NS || attribute.uri === ''))
      return attribute.value;
  }
  return undefined;
}

/** An on/off property (w:b, w:i…): on unless its w:val says otherwise. */
export function isOn(tag: SaxesTagNS): boolean {
  const value = wAttribute(tag, 'val');
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value);
}
