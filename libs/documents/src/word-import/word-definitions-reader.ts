import type { DocxArchive } from './docx-archive';
import { W_NS, isOn, readXmlPart, wAttribute } from './xml-part';

export interface WordStyle {
  name: string;
  basedOn: string | null;
  numbering: { numId: string; level: number } | null;
  bold: boolean;
  outlineLevel: number | null;
}

/** What word/styles.xml and word/numbering.xml say that tells a heading or a numbered paragraph. */
export interface WordDefinitions {
  styles: Map<string, WordStyle>;
  /** The number format ("decimal", "bullet"…) of a numbering instance at a level. */
  numberFormat(numId: string, level: number): string | undefined;
}

export async function readWordDefinitions(archive: DocxArchive): Promise<WordDefinitions> {
  const styles = archive.has('word/styles.xml')
    ? await readStyles(archive)
    : new Map<string, WordStyle>();
  const numbering = archive.has('word/numbering.xml')
    ? await readNumbering(archive)
    : { instances: new Map<string, string>(), formats: new Map<string, string>() };
  return {
    styles,
    numberFormat(numId, level) {
      const abstractId = numbering.instances.get(numId);
      return abstractId === undefined ? undefined : numbering.formats.get(`${abstractId}/${level}`);
    },
  };
}

async function readStyles(archive: DocxArchive): Promise<Map<string, WordStyle>> {
  const styles = new Map<string, WordStyle>();
  let current: (WordStyle & { id: string }) | null = null;
  let numbering: { numId?: string; level?: number } | null = null;
  let inRunProperties = false;
  await readXmlPart(archive, 'word/styles.xml', {
    open(tag) {
      if (tag.uri !== W_NS) return;
      if (tag.local === 'style' && wAttribute(tag, 'type') === 'paragraph') {
        current = {
          id: wAttribute(tag, 'styleId') ?? '',
          name: '',
          basedOn: null,
          numbering: null,
          bold: false,
          outlineLevel: null,
        };
      }
      if (!current) return;
      switch (tag.local) {
        case 'name':
          current.name = wAttribute(tag, 'val') ?? '';
          break;
        case 'basedOn':
          current.basedOn = wAttribute(tag, 'val') ?? null;
          break;
        case 'outlineLvl':
          current.outlineLevel = Number(wAttribute(tag, 'val') ?? 9);
          break;
        case 'numPr':
          numbering = {};
          break;
        case 'numId':
          if (numbering) numbering.numId = wAttribute(tag, 'val');
          break;
        case 'ilvl':
          if (numbering) numbering.level = Number(wAttribute(tag, 'val') ?? 0);
          break;
        case 'rPr':
          inRunProperties = true;
          break;
        case 'b':
          if (inRunProperties) current.bold = isOn(tag);
          break;
      }
    },
    close(tag) {
      if (tag.uri !== W_NS || !current) return;
      if (tag.local === 'numPr') {
        if (numbering?.numId !== undefined)
          current.numbering = { numId: numbering.numId, level: numbering.level ?? 0 };
        numbering = null;
      } else if (tag.local === 'rPr') {
        inRunProperties = false;
      } else if (tag.local === 'style') {
        const { id, ...style } = current;
        styles.set(id, style);
        current = null;
      }
    },
    text() {},
  });
  return styles;
}

async function readNumbering(archive: DocxArchive) {
  const instances = new Map<string, string>();
  const formats = new Map<string, string>();
  let abstractId: string | null = null;
  let level: number | null = null;
  let numId: string | null = null;
  await readXmlPart(archive, 'word/numbering.xml', {
    open(tag) {
      if (tag.uri !== W_NS) return;
      switch (tag.local) {
        case 'abstractNum':
          abstractId = wAttribute(tag, 'abstractNumId') ?? null;
          break;
        case 'lvl':
          level = Number(wAttribute(tag, 'ilvl') ?? 0);
          break;
        case 'numFmt':
          if (abstractId !== null && level !== null)
            formats.set(`${abstractId}/${level}`, wAttribute(tag, 'val') ?? 'decimal');
          break;
        case 'num':
          numId = wAttribute(tag, 'numId') ?? null;
          break;
        case 'abstractNumId':
          if (numId !== null) instances.set(numId, wAttribute(tag, 'val') ?? '');
          break;
      }
    },
    close(tag) {
      if (tag.uri !== W_NS) return;
      if (tag.local === 'abstractNum') abstractId = null;
      else if (tag.local === 'lvl') level = null;
      else if (tag.local === 'num') numId = null;
    },
    text() {},
  });
  return { instances, formats };
}
